"""Contacts from any agency, the children they are about, and the front door's screening decision."""
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from journey.codelists.validators import InCodeList
from journey.lib.dates import DateOfBirth, PastEvent, PlannedDate
from journey.lib.identifiers import validate_nhs_number, validate_postcode
from journey.lib.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, BoundedTextField, max_length_check

from .codes import ContactStatus, HowKnown, InformationRoute, ScreeningOutcome


class ContactQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ContactQuerySet":
        """The only way a page or the API chooses contacts: see ``journey.access.rules.contact_visibility`` and
        ``children_hiding_contacts`` (excluded as a whole, so a contact naming a hidden child is never shown)."""
        from journey.access.rules import children_hiding_contacts, contact_visibility

        hidden = children_hiding_contacts(user).values("pk")
        visibility = contact_visibility(user)
        # A subquery rather than DISTINCT (the rule may join the children named, repeating a contact): a list
        # ordered by time then reads its newest rows by index and stops, where DISTINCT would sort every contact.
        rows = self.filter(pk__in=Contact.objects.filter(visibility).values("pk")) if visibility else self.all()
        return rows.exclude(children_named__child__in=hidden)


class Contact(models.Model):
    """Any approach to children's services about one or more children, in the referrer's own words."""

    objects = ContactQuerySet.as_manager()

    received_at = models.DateTimeField(
        default=timezone.now, db_index=True, validators=[PastEvent("Date received")],
        help_text="When the contact reached the front door.",
    )
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="contacts", help_text="The agency the concern came from."
    )
    referrer_name = models.CharField(max_length=150, blank=True, help_text="Who raised it (empty for an anonymous contact).")
    referrer_role = models.CharField(max_length=150, blank=True, help_text="Their role, e.g. 'Designated safeguarding lead'.")
    referrer_phone = models.CharField(max_length=40, blank=True, help_text="How to reach them.")
    concern = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="The reason for concern, in the referrer's own words.")
    parents_aware = models.BooleanField(null=True, blank=True, help_text="Whether the family knows the contact was made.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts_recorded",
        help_text="The user who entered the contact (a screener, or the partner who submitted it).",
    )
    status = models.CharField(max_length=10, choices=ContactStatus.choices, default=ContactStatus.AWAITING_SCREENING, db_index=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [max_length_check("concern", LONG_TEXT_MAX_LENGTH)]

    def __str__(self) -> str:
        return f"Contact from {self.agency} on {self.received_at:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.status == ContactStatus.AWAITING_SCREENING


class ContactChild(models.Model):
    """A child a contact is about: the details as the referrer gave them, then the record the screener linked.

    The given details are kept as typed, even after linking, so that matching can be checked and audited later.
    """

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="children_named", help_text="The contact.")
    given_first_name = models.CharField(max_length=100, help_text="First name as the referrer gave it.")
    given_last_name = models.CharField(max_length=100, help_text="Family name as the referrer gave it.")
    given_date_of_birth = models.DateField(
        null=True, blank=True, validators=[DateOfBirth()], help_text="Date of birth as given, if known."
    )
    given_expected_delivery = models.DateField(
        null=True, blank=True, validators=[PlannedDate("Expected date of delivery")],
        help_text="For an unborn child: the expected date of delivery as given (never with a date of birth).",
    )
    given_nhs_number = models.CharField(max_length=10, blank=True, validators=[validate_nhs_number], help_text="NHS number as given, if known.")
    given_address = models.CharField(max_length=250, blank=True, help_text="Address as given, if known.")
    given_postcode = models.CharField(max_length=8, blank=True, validators=[validate_postcode], help_text="Postcode as given, if known.")
    child = models.ForeignKey(
        "people.Child", null=True, blank=True, on_delete=models.PROTECT, related_name="contact_links",
        help_text="The child on record this contact is about, once the screener has linked it.",
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="Who linked it."
    )
    linked_at = models.DateTimeField(null=True, blank=True, help_text="When it was linked.")
    created_new_child = models.BooleanField(default=False, help_text="True when no existing record matched and one was made.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contact", "child"], name="contact_child_once"),
            models.CheckConstraint(
                condition=Q(given_date_of_birth__isnull=True) | Q(given_expected_delivery__isnull=True), name="contact_child_born_or_expected",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.given_first_name} {self.given_last_name}"


class ContactLinkChange(models.Model):
    """A named child moved from one record to another while the contact was open: the earlier link, kept with who
    made it and why it was changed, so that a wrong match can be traced and the history of the child's identity
    stays in the record rather than only in the audit log. Append-only."""

    named = models.ForeignKey(ContactChild, on_delete=models.CASCADE, related_name="link_changes", help_text="The child named in the contact.")
    previous_child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="+", help_text="The record it was linked to before."
    )
    previous_linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Who made the earlier link.",
    )
    previous_linked_at = models.DateTimeField(null=True, blank=True, help_text="When the earlier link was made.")
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="+", help_text="The record it is linked to now.")
    reason = BoundedTextField(max_length=SHORT_TEXT_MAX_LENGTH, help_text="Why the earlier link was wrong.")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Who changed it.")
    changed_at = models.DateTimeField(default=timezone.now, help_text="When it was changed.")

    class Meta:
        ordering = ["-changed_at", "-id"]
        constraints = [max_length_check("reason", SHORT_TEXT_MAX_LENGTH)]

    def __str__(self) -> str:
        return f"{self.named} re-linked on {self.changed_at:%d %b %Y}"


class ScreeningDecision(models.Model):
    """The front door's decision on a contact, with the reasons, who decided and when."""

    contact = models.OneToOneField(Contact, on_delete=models.PROTECT, related_name="decision", help_text="The contact decided.")
    outcome = models.CharField(max_length=12, choices=ScreeningOutcome.choices, help_text="What happens next.")
    rationale = BoundedTextField(max_length=LONG_TEXT_MAX_LENGTH, help_text="Why: the screener's analysis of the information.")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Who decided.")
    decided_at = models.DateTimeField(default=timezone.now, db_index=True, validators=[PastEvent("Decision time")], help_text="When.")

    class Meta:
        constraints = [max_length_check("rationale", LONG_TEXT_MAX_LENGTH)]

    def __str__(self) -> str:
        return self.get_outcome_display()


class Referral(models.Model):
    """A contact accepted for social work assessment, for one child.

    A referral never opens a new case: it joins the child's one record. Whether it is a re-referral is computed
    from the child's earlier referrals, never typed in.
    """

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="referrals", help_text="The child.")
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="referrals", help_text="The contact accepted.")
    referred_at = models.DateTimeField(db_index=True, validators=[PastEvent("Referral time")], help_text="When the decision to refer was made.")
    source = models.CharField(
        max_length=3, blank=True, validators=[InCodeList("cin.referral_source", "Referral source")],
        help_text="Who made the referral, as the census records it (cin.referral_source): derived from the contact's "
        "agency, changed by the screener where they know better.",
    )

    class Meta:
        ordering = ["-referred_at"]
        constraints = [models.UniqueConstraint(fields=["child", "contact"], name="referral_once_per_child_contact")]

    def __str__(self) -> str:
        return f"Referral of {self.child} on {self.referred_at:%d %b %Y}"


# Room for the lines saying when it happened and how the partner knows, when the information reaches the front
# door as a contact's concern (bounded by LONG_TEXT_MAX_LENGTH).
INFORMATION_MAX_LENGTH = LONG_TEXT_MAX_LENGTH - 1_000


class PartnerInformationQuerySet(models.QuerySet):
    def sent_to_workers(self) -> "PartnerInformationQuerySet":
        """Information that went straight to a child's allocated worker (the rest became front door contacts)."""
        return self.filter(routed_to=InformationRoute.WORKER)

    def about(self, child_ids, *, since: datetime | None = None) -> "PartnerInformationQuerySet":
        """Information about these children received after ``since`` (all of it when None), newest first: what a
        worker's "new for you" asks of their children."""
        rows = self.filter(child_id__in=child_ids)
        if since is not None:
            rows = rows.filter(received_at__gt=since)
        return rows.order_by("-received_at", "-pk")


class PartnerInformation(models.Model):
    """Something a partner agency tells us about a child it already raised a concern about.

    Kept as one record whatever became of it, so the partner's account and where it went can always be answered:
    to the child's allocated worker and team (and onto the chronology) when the child has one, otherwise to the
    front door as a new contact about the same child (``frontdoor.rules.route_information``). Append-only."""

    objects = PartnerInformationQuerySet.as_manager()

    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="partner_information", help_text="The child it is about."
    )
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="+", help_text="The partner agency it came from."
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="The partner user who gave it."
    )
    received_at = models.DateTimeField(
        default=timezone.now, validators=[PastEvent("Date received")], help_text="When it reached Journey."
    )
    happened_on = models.DateField(
        validators=[PastEvent("Date it happened")], help_text="When what it describes happened, as the partner says."
    )
    what_happened = BoundedTextField(
        max_length=INFORMATION_MAX_LENGTH, verbose_name="what happened", help_text="What happened, in the partner's own words."
    )
    how_known = models.CharField(
        max_length=10, choices=HowKnown.choices, help_text="How the partner knows: saw it, was told by whom, or records."
    )
    family_knows = models.BooleanField(
        null=True, blank=True, help_text="Whether the family knows the partner has told us (empty when not known)."
    )
    routed_to = models.CharField(
        max_length=10, choices=InformationRoute.choices, help_text="Where it went: the allocated worker or the front door."
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="partner_information_received",
        help_text="The allocated worker it went to, when it went to one.",
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The allocated worker's team, when it went to a worker.",
    )
    contact = models.OneToOneField(
        Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="partner_information",
        help_text="The contact it became, when it went to the front door.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "information from partners"
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["child", "-received_at"], name="partner_info_child_received")]
        constraints = [
            max_length_check("what_happened", INFORMATION_MAX_LENGTH),
            models.CheckConstraint(
                condition=(
                    Q(routed_to=InformationRoute.WORKER, worker__isnull=False, team__isnull=False, contact__isnull=True)
                    | Q(routed_to=InformationRoute.FRONT_DOOR, worker__isnull=True, team__isnull=True, contact__isnull=False)
                ),
                name="partner_information_goes_one_way",
            ),
        ]

    def __str__(self) -> str:
        return f"Information from {self.agency} on {self.received_at:%d %b %Y}"
