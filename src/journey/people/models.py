"""The child and family record: people, the children among them, how they are related and where they live.

A ``Person`` is anyone in a child's story (the child, parents, carers, siblings, other adults). A ``Child`` is
the one record per child that every contact, episode and visit hangs from; it shares its primary key with its
``Person`` so that a child's id is the same in every table and URL.
"""
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from journey.codelists.lookup import label
from journey.codelists.validators import InCodeList
from journey.lib.dates import EARLIEST_DATE_OF_BIRTH, DateOfBirth, PastEvent, PlannedDate, age_in_years, today
from journey.lib.identifiers import validate_nhs_number, validate_postcode, validate_upn

from .codes import HouseholdRole, RelationshipKind, Sex

USER = settings.AUTH_USER_MODEL


@deconstructible
class YearOfBirth:
    """A year of birth worked out from an age someone gave: from the earliest date of birth's year to this year."""

    code = "year_bound"

    def __call__(self, value: int | None) -> None:
        if value is not None and not EARLIEST_DATE_OF_BIRTH.year <= value <= today().year:
            raise ValidationError(
                f"Approximate age must give a year of birth from {EARLIEST_DATE_OF_BIRTH.year} to this year", code=self.code
            )

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))


class Person(models.Model):
    first_name = models.CharField(max_length=100, help_text="Given name as on official records.")
    middle_names = models.CharField(max_length=150, blank=True, help_text="Any middle names.")
    last_name = models.CharField(max_length=100, help_text="Family name as on official records.")
    known_as = models.CharField(max_length=100, blank=True, help_text="The name the person uses day to day, if different.")
    former_names = models.CharField(
        max_length=300, blank=True, help_text="Previous family names or spellings, comma-separated, so searches find them."
    )
    date_of_birth = models.DateField(
        null=True, blank=True, validators=[DateOfBirth()], help_text="Leave empty if not known or not yet born."
    )
    approximate_year_of_birth = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[YearOfBirth()],
        help_text="Where the date of birth is not known but an age was given (a relative's): the year it points to, so "
        "the age shown stays right as years pass. Never used to find a child, which needs a real date.",
    )
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.NOT_KNOWN, help_text="Recorded sex.")
    gender = models.CharField(max_length=60, blank=True, help_text="Gender identity in the person's own words, if shared.")
    ethnicity = models.CharField(
        max_length=4, default="NOBT", validators=[InCodeList("cin.ethnicity", "Ethnicity")],
        help_text="Ethnicity as the person or family describes it: a code from the DfE's list (cin.ethnicity).",
    )
    first_language = models.CharField(max_length=60, blank=True, help_text="First language, e.g. English, Polish, BSL.")
    needs_interpreter = models.BooleanField(default=False, help_text="Whether an interpreter is needed to talk with them.")
    nhs_number = models.CharField(
        max_length=10, blank=True, db_index=True, validators=[validate_nhs_number],
        help_text="10-digit NHS number; the last digit is a modulus 11 check.",
    )
    first_name_key = models.CharField(max_length=20, blank=True, db_index=True, help_text="Phonetic key of the first name (derived).")
    last_name_key = models.CharField(max_length=20, blank=True, help_text="Phonetic key of the family name (derived).")
    created_at = models.DateTimeField(default=timezone.now, help_text="When the person was added to the record.")

    class Meta:
        ordering = ["last_name", "first_name"]
        # Finding a child (people.matching, people.search) asks each of these. PostgreSQL also keeps trigram and
        # pattern indexes and the names' spellings, which Django cannot declare portably (migrations 0004, 0006).
        indexes = [
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["last_name_key", "first_name_key"], name="person_name_keys"),
            models.Index(Upper("last_name"), Upper("first_name"), "id", name="person_names_upper"),
            models.Index(Upper("first_name"), Upper("last_name"), "id", name="person_first_names_upper"),
            models.Index(Upper("known_as"), name="person_known_as_upper", condition=~Q(known_as="")),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_name(self) -> str:
        if self.known_as and self.known_as != self.first_name:
            return f"{self.full_name} (known as {self.known_as})"
        return self.full_name

    def age_on(self, on: date) -> int | None:
        return age_in_years(self.date_of_birth, on) if self.date_of_birth else None

    def get_ethnicity_display(self) -> str:
        """The ethnicity's label from the code list, under the name Django gave it while the codes were choices."""
        return label("cin.ethnicity", self.ethnicity)

    def age_described(self, on: date) -> str:
        """The age as a page shows it: exact from a date of birth, 'about' from an approximate year, else empty."""
        if self.date_of_birth:
            return str(age_in_years(self.date_of_birth, on))
        if self.approximate_year_of_birth:
            return f"about {max(on.year - self.approximate_year_of_birth, 0)}"
        return ""

    def current_address(self) -> "Address | None":
        return self.addresses.filter(moved_out_on__isnull=True).first()

    def save(self, *args, **kwargs) -> None:
        from .matching import name_key

        self.first_name_key = name_key(self.first_name)
        self.last_name_key = name_key(self.last_name)
        super().save(*args, **kwargs)


class ChildQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ChildQuerySet":
        """The only way a list, search, count or export chooses children: see ``journey.access.rules``."""
        from journey.access.rules import child_visibility

        return self.filter(child_visibility(user))

    def matchable_by(self, user) -> "ChildQuerySet":
        """Children ``user`` may find when searching (identifying details only, never the record): every child who
        is not restricted for searching staff, a restricted one only where the user has a relationship with it."""
        from journey.access.rules import child_matchability

        return self.filter(child_matchability(user))


class Child(models.Model):
    """The one continuous record of a child. Every episode, contact and visit about the child points here."""

    objects = ChildQuerySet.as_manager()

    person = models.OneToOneField(
        Person, primary_key=True, on_delete=models.PROTECT, related_name="child_record", help_text="Who the child is."
    )
    expected_date_of_birth = models.DateField(
        null=True, blank=True, validators=[PlannedDate("Expected date of birth")], help_text="For an unborn child: when they are expected."
    )
    upn = models.CharField(
        "UPN", max_length=13, blank=True, db_index=True, validators=[validate_upn],
        help_text="Unique pupil number: a check letter and 12 characters.",
    )
    former_upn = models.CharField(
        "former UPN", max_length=13, blank=True, validators=[validate_upn],
        help_text="A unique pupil number the child had before (the census asks for it): checked like the UPN.",
    )
    upn_unknown_reason = models.CharField(
        max_length=4, blank=True, validators=[InCodeList("cin.upn_unknown", "Reason the UPN is unknown")],
        help_text="Why the child has no UPN on record (cin.upn_unknown); only while the UPN is empty.",
    )
    date_of_death = models.DateField(
        null=True, blank=True, validators=[PastEvent("Date of death")],
        help_text="The day the child died, if they have; never before the date of birth.",
    )
    disabilities = models.JSONField(
        default=list, blank=True, validators=[InCodeList("cin.disability", "Disability")],
        help_text="Disability codes from the DfE's list (cin.disability); empty for none.",
    )
    is_restricted = models.BooleanField(
        default=False, help_text="Hidden from search for anyone without explicit access (e.g. adoptive placements)."
    )

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        # The few restricted children, which every access check asks after (who is hidden from whom).
        indexes = [models.Index(fields=["person"], condition=Q(is_restricted=True), name="child_restricted")]

    def __str__(self) -> str:
        return self.person.full_name

    @property
    def name(self) -> str:
        return self.person.display_name

    @property
    def date_of_birth(self) -> date | None:
        return self.person.date_of_birth

    @property
    def is_unborn(self) -> bool:
        return self.person.date_of_birth is None and self.expected_date_of_birth is not None

    def age_on(self, on: date) -> int | None:
        return self.person.age_on(on)

    @property
    def has_died(self) -> bool:
        return self.date_of_death is not None

    def upn_unknown_reason_label(self) -> str:
        return label("cin.upn_unknown", self.upn_unknown_reason) if self.upn_unknown_reason else ""

    def disability_labels(self) -> list[str]:
        return [label("cin.disability", code) for code in self.disabilities]


class Address(models.Model):
    """Where a person lived and when: kept as history so that a move never loses the earlier place."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses", help_text="Who lived here.")
    line_1 = models.CharField(max_length=200, help_text="Building and street.")
    line_2 = models.CharField(max_length=200, blank=True, help_text="Second line, if any.")
    town = models.CharField(max_length=100, help_text="Town or city.")
    postcode = models.CharField(max_length=8, db_index=True, validators=[validate_postcode], help_text="UK postcode, stored as 'SW1A 1AA'.")
    moved_in_on = models.DateField(null=True, blank=True, validators=[PastEvent("Date moved in")], help_text="When they moved in, if known.")
    moved_out_on = models.DateField(null=True, blank=True, validators=[PastEvent("Date moved out")], help_text="When they left; empty while they live here.")

    class Meta:
        ordering = [models.F("moved_in_on").desc(nulls_last=True), "-id"]
        verbose_name_plural = "addresses"
        constraints = [
            models.CheckConstraint(
                condition=Q(moved_out_on__isnull=True) | Q(moved_in_on__isnull=True) | Q(moved_out_on__gte=models.F("moved_in_on")),
                name="address_moved_out_after_in",
            )
        ]

    def __str__(self) -> str:
        return f"{self.line_1}, {self.town} {self.postcode}"

    @property
    def is_current(self) -> bool:
        return self.moved_out_on is None


class Relationship(models.Model):
    """'<from_person> is the <kind> of <to_person>'. Sibling links are stored once and read both ways."""

    from_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_from", help_text="The person described.")
    to_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_to", help_text="Who they are related to.")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices, help_text="How from_person stands to to_person.")
    has_parental_responsibility = models.BooleanField(default=False, help_text="Whether from_person holds parental responsibility for to_person.")
    started_on = models.DateField(null=True, blank=True, validators=[PastEvent("Start date")], help_text="When the relationship began, where that matters (e.g. a new partner).")
    ended_on = models.DateField(null=True, blank=True, validators=[PastEvent("End date")], help_text="When it ended, if it has.")
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Who recorded it on the child's record; empty for history brought in with the record (generated or imported).",
    )
    recorded_at = models.DateTimeField(null=True, blank=True, help_text="When it was recorded, where someone recorded it.")
    ended_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who recorded that it ended.",
    )
    ended_recorded_at = models.DateTimeField(null=True, blank=True, help_text="When its end was recorded.")

    class Meta:
        constraints = [
            # An ended relationship is kept; the same kind may begin again (a partner who returns) as a new row.
            models.UniqueConstraint(
                fields=["from_person", "to_person", "kind"], condition=Q(ended_on__isnull=True), name="relationship_unique_current",
            ),
            models.CheckConstraint(condition=~Q(from_person=models.F("to_person")), name="relationship_not_self"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="relationship_ended_after_started",
            ),
        ]
        indexes = [
            models.Index(fields=["from_person"], condition=Q(recorded_by__isnull=False), name="relationship_recorded_from"),
            models.Index(fields=["to_person"], condition=Q(recorded_by__isnull=False), name="relationship_recorded_to"),
        ]

    def __str__(self) -> str:
        return f"{self.from_person} is the {self.get_kind_display().lower()} of {self.to_person}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class Household(models.Model):
    """A group of people living together for a time. Membership over time shows who a child lived with, when."""

    name = models.CharField(max_length=120, help_text="How workers refer to it, e.g. 'Smith household, Elm Road'.")
    created_at = models.DateTimeField(default=timezone.now, help_text="When it was recorded.")

    def __str__(self) -> str:
        return self.name


class HouseholdMembership(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="memberships", help_text="The household.")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="household_memberships", help_text="Who lived there.")
    role = models.CharField(max_length=20, choices=HouseholdRole.choices, help_text="Their place in the household.")
    joined_on = models.DateField(null=True, blank=True, validators=[PastEvent("Date joined")], help_text="When they joined, if known.")
    left_on = models.DateField(null=True, blank=True, validators=[PastEvent("Date left")], help_text="When they left; empty while they live there.")
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Who recorded that they joined; empty for history brought in with the record (generated or imported).",
    )
    recorded_at = models.DateTimeField(null=True, blank=True, help_text="When their joining was recorded, where someone recorded it.")
    left_recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who recorded that they left.",
    )
    left_recorded_at = models.DateTimeField(null=True, blank=True, help_text="When their leaving was recorded.")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(joined_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="household_left_after_joined",
            )
        ]
        indexes = [models.Index(fields=["household"], condition=Q(recorded_by__isnull=False) | Q(left_recorded_by__isnull=False),
                                name="membership_recorded")]

    def __str__(self) -> str:
        return f"{self.person} in {self.household}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None
