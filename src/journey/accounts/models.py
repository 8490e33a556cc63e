"""Who uses Journey: agencies (the local authority and its partners), teams and units, and users with a role."""
from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models


class AgencyKind(models.TextChoices):
    """The kinds of body a contact can come from or a user can work for.

    Source: Working Together to Safeguard Children (2023) partner list; DfE referral source codes map onto these.
    """

    CHILDRENS_SOCIAL_CARE = "csc", "Children's social care"
    EARLY_HELP = "early_help", "Early help service"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    SCHOOL = "school", "School"
    EARLY_YEARS = "early_years", "Early years setting"
    HOUSING = "housing", "Housing"
    PROBATION = "probation", "Probation"
    OTHER_LA = "other_la", "Another local authority"
    VOLUNTARY = "voluntary", "Voluntary or community organisation"
    FAMILY = "family", "Self, family or friend"
    ANONYMOUS = "anonymous", "Anonymous"
    OTHER = "other", "Other"


class Agency(models.Model):
    """An organisation whose staff contribute to a child's story: this council or a partner."""

    name = models.CharField(max_length=200, unique=True, help_text="The organisation's everyday name.")
    kind = models.CharField(max_length=20, choices=AgencyKind.choices, help_text="What sort of organisation it is.")
    is_local_authority = models.BooleanField(
        default=False, help_text="True for this council's own services, whose staff hold case responsibility."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class TeamKind(models.TextChoices):
    FRONT_DOOR = "front_door", "Front door (MASH)"
    EARLY_HELP = "early_help", "Early help"
    ASSESSMENT = "assessment", "Assessment"
    CHILD_IN_NEED = "child_in_need", "Child in need and protection"
    LOOKED_AFTER = "looked_after", "Children looked after"
    LEAVING_CARE = "leaving_care", "Leaving care"
    UNIT = "unit", "Social work unit"
    SERVICE = "service", "Service area"


MAX_TEAM_DEPTH = 4  # levels of service area above a team; the manager line follows this many (journey.access.rules)


class Team(models.Model):
    """A team or social work unit; units share responsibility for their children.

    Teams sit inside service areas (``parent``), each with its own manager: the managers of a team and of every
    service area above it form the manager line that sees the team's children.
    """

    name = models.CharField(max_length=120, unique=True, help_text="The team's name as staff know it.")
    kind = models.CharField(max_length=20, choices=TeamKind.choices, help_text="What work the team does.")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams", help_text="Who runs it.")
    manager = models.ForeignKey(
        "User", null=True, blank=True, on_delete=models.SET_NULL, related_name="managed_teams",
        help_text="The team manager (or consultant social worker of a unit).",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="subteams",
        help_text="The service area this team belongs to; its managers see this team's children too.",
    )
    phone = models.CharField(max_length=40, blank=True, help_text="The team's duty telephone number, given to partner agencies.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Team"]:
        """The service areas above this team, nearest first (one query each; hierarchies are shallow)."""
        found: list[Team] = []
        team = self.parent
        while team is not None and team not in found and team != self:
            found.append(team)
            team = team.parent
        return found

    def clean(self) -> None:
        """A team cannot sit inside itself, and the hierarchy stays within the depth the access rules follow."""
        from django.core.exceptions import ValidationError

        if self.parent_id is None:
            return
        if self.pk is not None and (self.parent_id == self.pk or any(t.pk == self.pk for t in self.parent.ancestors())):  # type: ignore[union-attr]
            raise ValidationError({"parent": "A team cannot belong to itself or to a team inside it"})
        if 1 + len(self.parent.ancestors()) > MAX_TEAM_DEPTH:  # type: ignore[union-attr]
            raise ValidationError({"parent": f"Teams can sit at most {MAX_TEAM_DEPTH} service areas deep"})


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SCREENER = "screener", "Front door screener"
    PARTNER = "partner", "Partner agency user"
    ADMINISTRATOR = "administrator", "Administrator"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    CALDICOTT_GUARDIAN = "caldicott_guardian", "Caldicott guardian"
    DATA_PROTECTION_OFFICER = "data_protection", "Data protection officer"
    CP_CHAIR = "cp_chair", "Child protection chair"
    AUDITOR = "auditor", "Case auditor"


class UnitRole(models.TextChoices):
    """What a member of a social work unit does in it: a unit holds its children together, each role working them."""

    CONSULTANT_SOCIAL_WORKER = "consultant", "Consultant social worker"
    SOCIAL_WORKER = "social_worker", "Social worker"
    CHILDRENS_PRACTITIONER = "childrens_practitioner", "Children's practitioner"
    UNIT_COORDINATOR = "coordinator", "Unit coordinator"
    CLINICIAN = "clinician", "Clinician"


class UserManager(DjangoUserManager):
    """Django's, but ``createsuperuser`` gives the agency by its id (it asks for each required field by its key),
    and the first account it makes is an administrator, the one role that manages accounts here."""

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        agency = extra_fields.pop("agency", None)
        if isinstance(agency, Agency):
            extra_fields["agency"] = agency
        elif agency is not None:
            extra_fields["agency_id"] = agency
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in. Leavers are deactivated, never deleted, so their authorship stays on the record."""

    objects: ClassVar[UserManager] = UserManager()

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PRACTITIONER, help_text="What the user does.")
    job_title = models.CharField(max_length=120, blank=True, help_text="As they would sign a record, e.g. 'Social worker'.")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="staff", help_text="The organisation the user works for."
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members", help_text="Their team or unit."
    )
    unit_role = models.CharField(
        max_length=30, choices=UnitRole.choices, blank=True, help_text="Their role in their social work unit, if they work in one.",
    )
    partnership_member = models.BooleanField(
        default=False, help_text="A partner agency's user who represents it on the local safeguarding partnership: they read its recommendations board.",
    )

    REQUIRED_FIELDS = ["email", "agency"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def clean(self) -> None:
        """Only a member of a social work unit has a role in one: a unit role outside a unit would say the person
        shares a unit's children when they do not."""
        from django.core.exceptions import ValidationError

        super().clean()
        if self.unit_role and (self.team is None or self.team.kind != TeamKind.UNIT):
            raise ValidationError({"unit_role": "Only a member of a social work unit has a unit role: choose a unit as their team, or clear the unit role"})

    @property
    def unit_role_label(self) -> str:
        """Their role in their unit as the pages show it, or empty outside a unit."""
        return self.get_unit_role_display() if self.unit_role else ""

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER

    @property
    def is_local_authority_staff(self) -> bool:
        return self.role != Role.PARTNER
