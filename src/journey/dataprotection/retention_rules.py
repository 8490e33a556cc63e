"""How long each kind of children's social care record is kept before it is reviewed for disposal.

The rules are data, defined once, each with its source and year; the dates are computed from the record (see
``retention``), never typed. When several rules apply to one child's record, the first in ``RULES`` governs: they
are listed longest-kept first, so a record is never reviewed under a shorter rule than one that also applies.
"""
from dataclasses import dataclass

LGA_IRMS = "LGA/IRMS Retention Guidelines for Local Authorities (Social Care: Children), 2022"


@dataclass(frozen=True)
class RetentionRule:
    code: str
    record_kind: str
    applies_to: str
    counted_from: str
    years: int
    source: str
    source_year: int
    years_if_17_at_closure: int | None = None

    @property
    def period(self) -> str:
        if self.years_if_17_at_closure:
            return f"Until the {self.years}th birthday ({self.years_if_17_at_closure}th if 17 when the last episode closed)"
        return f"{self.years} years from the {self.counted_from}"


ADOPTION = RetentionRule(
    code="adoption", record_kind="Adoption case record",
    applies_to="A child whose episode of help closed because they were adopted",
    counted_from="adoption order (the date the episode closed with the reason 'Adopted')", years=100,
    source=f"Adoption Agencies Regulations 2005, regulation 41; {LGA_IRMS}", source_year=2022,
)
LOOKED_AFTER = RetentionRule(
    code="looked_after", record_kind="Looked-after child's case record",
    applies_to="A child who has been looked after (including care leavers)",
    counted_from="date of birth", years=75,
    source=f"Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50; {LGA_IRMS}", source_year=2022,
)
CASE_RECORD = RetentionRule(
    code="case_record", record_kind="Children's social care case record",
    applies_to="A child with a referral or an episode of early help, child in need or child protection",
    counted_from="date of birth", years=25, years_if_17_at_closure=26,
    source=f"{LGA_IRMS}: child in need, child protection and early help case files", source_year=2022,
)
CONTACT_NO_FURTHER_ACTION = RetentionRule(
    code="contact_nfa", record_kind="Contact that led to no further action",
    applies_to="A child whose contacts were all screened as no further action or information and advice",
    counted_from="latest screening decision", years=6,
    source=f"{LGA_IRMS}: contacts and enquiries not progressed to referral", source_year=2022,
)

RULES: tuple[RetentionRule, ...] = (ADOPTION, LOOKED_AFTER, CASE_RECORD, CONTACT_NO_FURTHER_ACTION)
RULES_BY_CODE: dict[str, RetentionRule] = {rule.code: rule for rule in RULES}
