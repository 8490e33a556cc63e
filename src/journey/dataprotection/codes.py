"""Code lists for data protection duties, each with its source and year, defined once."""
from dataclasses import dataclass

from django.db import models


class LawfulBasis(models.TextChoices):
    """Why Journey may share a child's information: the statutory gateway with its UK GDPR conditions.

    Sources: UK GDPR Articles 6 and 9 and the Data Protection Act 2018, Schedule 1 (as in force 2024); the statutes
    named in each label; HM Government, Information sharing: advice for practitioners (2024).
    """

    SECTION_47 = "ca1989_s47", "Children Act 1989 s47: enquiry into significant harm"
    SECTION_17 = "ca1989_s17", "Children Act 1989 s17: services for a child in need"
    SECTION_11 = "ca2004_s11", "Children Act 2004 s11: duty to safeguard and promote welfare"
    CRIME_AND_DISORDER = "cda1998_s115", "Crime and Disorder Act 1998 s115: preventing crime and disorder"
    VITAL_INTERESTS = "vital_interests", "Vital interests: to protect someone's life in an emergency"
    CONSENT = "consent", "Consent of the person, or of a parent with parental responsibility"


@dataclass(frozen=True)
class GdprConditions:
    """The UK GDPR conditions a statutory gateway rests on, and where the gateway is written down."""

    article_6: str
    article_9: str
    source: str


LAWFUL_BASIS_CONDITIONS: dict[str, GdprConditions] = {
    LawfulBasis.SECTION_47: GdprConditions(
        "Art 6(1)(e) public task", "Art 9(2)(g) substantial public interest; DPA 2018 Sch 1 para 18 (safeguarding of children)",
        "Children Act 1989 s47; Working Together to Safeguard Children (2023)",
    ),
    LawfulBasis.SECTION_17: GdprConditions(
        "Art 6(1)(e) public task", "Art 9(2)(h) health or social care",
        "Children Act 1989 s17 and Schedule 2",
    ),
    LawfulBasis.SECTION_11: GdprConditions(
        "Art 6(1)(e) public task", "Art 9(2)(g) substantial public interest; DPA 2018 Sch 1 para 18 (safeguarding of children)",
        "Children Act 2004 s11",
    ),
    LawfulBasis.CRIME_AND_DISORDER: GdprConditions(
        "Art 6(1)(e) public task", "Art 9(2)(g) substantial public interest; DPA 2018 Sch 1 para 10 (preventing or detecting unlawful acts)",
        "Crime and Disorder Act 1998 s115",
    ),
    LawfulBasis.VITAL_INTERESTS: GdprConditions(
        "Art 6(1)(d) vital interests", "Art 9(2)(c) vital interests, where consent cannot be given",
        "UK GDPR Art 6(1)(d) and 9(2)(c)",
    ),
    LawfulBasis.CONSENT: GdprConditions(
        "Art 6(1)(a) consent", "Art 9(2)(a) explicit consent",
        "UK GDPR Art 6(1)(a) and 9(2)(a); Information sharing: advice for practitioners (2024)",
    ),
}
