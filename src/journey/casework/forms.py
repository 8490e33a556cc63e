"""Forms for casework pages. They check what a form can check (a real date, a choice made); the rules that
belong to the record (not in the future, one open episode of a kind) live in ``casework.actions``.

Field names match the keys of the actions' ValidationErrors, so ``apply_errors`` puts each message beside its field.
"""
from django import forms
from django.forms.boundfield import BoundWidget
from django.utils import timezone

from journey.accounts.models import Role, User
from journey.codelists.forms import CodeChoiceField, CodeMultipleChoiceField
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, RowsForm, TimeField, bounded, combine
from journey.people.models import Child

from .actions import ASSESSMENT_TEXT_FIELDS, Attendee, ChildSeen, child_field
from .census import factor_groups
from .codes import AssessmentDecision, ClosureReason, Direction, EpisodeKind, NoteKind, closure_reasons_for
from .models import Assessment, ByWhen, CaseNote, Episode, MeetingAttendee, Visit

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no(label: str, required_message: str, help_text: str = "") -> forms.TypedChoiceField:
    """A yes/no question as GOV.UK inline radios; an unanswered question is an error, never a silent 'no'."""
    return forms.TypedChoiceField(
        label=label, choices=YES_NO, coerce=lambda v: v == "yes", help_text=help_text,
        widget=forms.RadioSelect(attrs={"inline": True}), error_messages={"required": required_message, "invalid_choice": required_message},
    )


def textarea(
    label: str, holds: tuple, help_text: str = "", rows: int = 5, required: bool = False, required_message: str = "",
) -> forms.CharField:
    """A box of free text for the model field ``holds`` (model, field name), with that field's length bound."""
    messages = {"required": required_message} if required_message else {}
    return forms.CharField(
        label=label, help_text=help_text, required=required, widget=forms.Textarea(attrs={"rows": rows}),
        **bounded(*holds, label.removesuffix(" (optional)"), **messages),  # type: ignore[arg-type, call-arg]
    )


class VisitForm(forms.Form):
    visited_at = GovukDateField(label="Date of visit", label_for_errors="Date of visit", bound=PastEvent, help_text="For example, 27 3 2025")
    visited_time = TimeField(
        label="Time of visit", help_text="Use the 24-hour clock, for example 14:30",
        error_messages={"required": "Enter the time of visit", "invalid": "Time of visit must be a time like 14:30"},
    )
    place = forms.CharField(
        label="Where did the visit take place?", max_length=150, required=False, help_text="For example, home or school",
        error_messages={"max_length": "Place must be 150 characters or fewer"},
    )
    who_was_present = textarea("Who was present?", (Visit, "who_was_present"), "Names and how they know the child", rows=3)
    child_seen = yes_no("Was the child seen?", "Select yes if the child was seen")
    child_seen_alone = yes_no("Was the child seen alone?", "Select yes if the child was seen alone")
    childs_words = textarea(
        "What did the child say?", (Visit, "childs_words"), "Their wishes and feelings, in their own words as far as you can", rows=6,
    )
    observations = textarea("What did you see and hear?", (Visit, "observations"), rows=6)
    next_steps = textarea("What happens next?", (Visit, "next_steps"), "What will be done, by whom, and by when", rows=4)

    def visited_at_value(self):
        """The date and time together, in local time."""
        return combine(self.cleaned_data["visited_at"], self.cleaned_data["visited_time"])

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("visited_at"), cleaned.get("visited_time")
        if day and at and day == timezone.localdate() and self.visited_at_value() > timezone.now():
            self.add_error("visited_time", "Time of visit must be in the past")
        return cleaned


class PractitionerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        label = ", ".join(dict.fromkeys(part for part in (user.display_name, user.job_title, user.unit_role_label) if part))
        return f"{label} ({user.team})" if user.team_id else label


def lead_practitioners():
    """Active local authority staff with a team: an allocation always names the team that holds the work."""
    return (
        User.objects.filter(is_active=True, agency__is_local_authority=True, team__isnull=False)
        .exclude(role=Role.PARTNER).select_related("team").order_by("first_name", "last_name", "username")
    )


class OpenEpisodeForm(forms.Form):
    kind = forms.ChoiceField(
        label="What sort of help?", choices=EpisodeKind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of episode", "invalid_choice": "Select the kind of episode"},
    )
    started_on = GovukDateField(label="Start date", label_for_errors="Start date", bound=PastEvent, help_text="For example, 27 3 2025")
    worker = PractitionerChoiceField(
        label="Lead practitioner", queryset=User.objects.none(), empty_label="Select a practitioner",
        error_messages={"required": "Select the lead practitioner", "invalid_choice": "Select the lead practitioner from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = lead_practitioners()


class CaseloadChoiceField(PractitionerChoiceField):
    """A practitioner with the children they hold now (``team.with_caseloads``), so the manager sees who has room."""

    def label_from_instance(self, user: User) -> str:
        caseload = getattr(user, "caseload", 0)
        return f"{super().label_from_instance(user)}: {caseload} {'child' if caseload == 1 else 'children'}"


class AllocateForm(forms.Form):
    """The manager chooses from the practitioners of the teams they manage (``team.practitioners_of``), never from
    every member of staff of the authority."""

    worker = CaseloadChoiceField(
        label="Lead practitioner", queryset=User.objects.none(), empty_label="Select a practitioner",
        help_text="Practitioners in the teams you manage, with the number of children each holds now",
        error_messages={"required": "Select the lead practitioner", "invalid_choice": "Select the lead practitioner from the list"},
    )
    started_on = GovukDateField(label="From", label_for_errors="Allocation date", bound=PastEvent, help_text="For example, 27 3 2025")

    def __init__(self, *args, practitioners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = practitioners


class CloseEpisodeForm(forms.Form):
    """The reasons offered are those for the episode's kind (``codes.closure_reasons_for``)."""

    ended_on = GovukDateField(label="End date", label_for_errors="End date", bound=PastEvent, help_text="For example, 27 3 2025")
    reason = forms.ChoiceField(
        label="Why is the episode ending?", choices=ClosureReason.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the reason the episode is closing", "invalid_choice": "Select the reason the episode is closing"},
    )
    note = textarea("Anything more about why it is ending (optional)", (Episode, "closure_note"), rows=4)

    def __init__(self, *args, kind: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if kind:
            self.fields["reason"].choices = [(reason.value, reason.label) for reason in closure_reasons_for(kind)]  # type: ignore[attr-defined]
            if kind not in (EpisodeKind.EARLY_HELP, EpisodeKind.CARE_LEAVER):
                self.fields["reason"].help_text = (
                    "Stepping up or down to child in need, protection or care carries the case on; every other "
                    "reason closes it. 'Closed after assessment' is for a case closed with no plan made"
                )


class StartAssessmentForm(forms.Form):
    started_on = GovukDateField(label="Start date", label_for_errors="Start date", bound=PastEvent, help_text="For example, 27 3 2025")
    due_on = GovukDateField(
        label="By when should the assessment be done?", label_for_errors="'By when' date", bound=PlannedDate,
        help_text="Agree this with your manager for this child. There is no national timescale",
    )
    due_reason = textarea(
        "Why is this date right for this child?", (ByWhen, "reason"), "For example, what the child needs to happen, and how soon",
        rows=4, required=True, required_message="Enter why this 'by when' date is right for this child",
    )


class AssessmentForm(forms.Form):
    """The single assessment. Strengths come before worries in every domain: assessments build on what goes well."""

    developmental_needs_strengths = textarea("What is going well (strengths)", (Assessment, "developmental_needs_strengths"))
    developmental_needs_worries = textarea("What we are worried about", (Assessment, "developmental_needs_worries"))
    parenting_capacity_strengths = textarea("What is going well (strengths)", (Assessment, "parenting_capacity_strengths"))
    parenting_capacity_worries = textarea("What we are worried about", (Assessment, "parenting_capacity_worries"))
    family_environment_strengths = textarea("What is going well (strengths)", (Assessment, "family_environment_strengths"))
    family_environment_worries = textarea("What we are worried about", (Assessment, "family_environment_worries"))
    childs_views = textarea("The child's views", (Assessment, "childs_views"), "What the child has said, in their own words", rows=6)
    analysis = textarea("Analysis", (Assessment, "analysis"), "What does this mean for the child? Why might you be wrong?", rows=8)
    decision = forms.ChoiceField(
        label="Decision", choices=AssessmentDecision.choices, widget=forms.RadioSelect, required=False,
        help_text="Needed to complete the assessment", error_messages={"invalid_choice": "Select a decision from the list"},
    )

    primary_need = CodeChoiceField(
        "cin.primary_need", label="What is the child's main need? (primary need)", required=False, widget=forms.RadioSelect,
        help_text="Needed to complete an assessment that finds the child in need",
        error_messages={"invalid_choice": "Select the primary need from the list"},
    )
    factors = CodeMultipleChoiceField(
        "cin.assessment_factor", label="What we found (optional)", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Choose any that describe what the assessment found. This is not a checklist: leave it empty if none fits",
        error_messages={"invalid_choice": "Select each thing found from the list"},
    )

    DOMAINS = (
        ("The child's developmental needs", "developmental_needs"),
        ("Parenting capacity", "parenting_capacity"),
        ("Family and environmental factors", "family_environment"),
    )

    def domains(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(title, self[f"{key}_strengths"], self[f"{key}_worries"]) for title, key in self.DOMAINS]

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ASSESSMENT_TEXT_FIELDS}

    def factor_groups(self) -> list[tuple[str, list[tuple[int, BoundWidget]]]]:
        """The factors' boxes in their groups (``census.factor_groups``), each numbered in the order shown so the
        first box carries the id the error summary links to."""
        boxes = {box.data["value"]: box for box in self["factors"]}
        shown, number = [], 0
        for title, codes in factor_groups(list(boxes)):
            row = []
            for code in codes:
                row.append((number, boxes[code]))
                number += 1
            shown.append((title, row))
        return shown


class ChangeByWhenForm(forms.Form):
    prefix = "by_when"

    due_on = GovukDateField(label="New 'by when' date", label_for_errors="'By when' date", bound=PlannedDate, help_text="For example, 27 3 2025")
    reason = textarea(
        "Why is the date changing?", (ByWhen, "reason"), rows=3, required=True, required_message="Enter why the 'by when' date is changing",
    )


class AuthoriseForm(forms.Form):
    """The manager's reasons for authorising a completed assessment: required, so that the sign-off says why."""

    authorisation_reasons = textarea(
        "Your reasons for authorising", (Assessment, "authorisation_reasons"), rows=4, required=True,
        required_message="Enter your reasons for authorising the assessment",
        help_text="What you weighed in the analysis and the decision; this goes on the child's chronology",
    )


def short_text(label: str, holds: tuple, help_text: str = "", required: bool = False, required_message: str = "") -> forms.CharField:
    """A one-line text box for the model field ``holds`` (model, field name), with that field's length bound."""
    messages = {"required": required_message} if required_message else {}
    return forms.CharField(
        label=label, help_text=help_text, required=required,
        **bounded(*holds, label.removesuffix(" (optional)"), **messages),  # type: ignore[arg-type, call-arg]
    )


class HouseholdVisitForm(VisitForm):
    """One visit to a household: when, where, who was there and what was seen are shared; whether each child was
    seen, seen alone and what they said are asked of each child. The other children offered are those the action
    accepts (``queries.household_children``); any other id posted is refused by the ``children`` field."""

    def __init__(self, *args, child: Child, others: list[Child], **kwargs):
        super().__init__(*args, **kwargs)
        self.child, self.others = child, others
        for name in ("child_seen", "child_seen_alone", "childs_words"):
            del self.fields[name]
        first = child.person.first_name
        self.fields["children"] = forms.TypedMultipleChoiceField(
            label=f"Which other children living with {first} were on this visit?", required=False, coerce=int,
            choices=[(other.pk, self.describe(other)) for other in others], widget=forms.CheckboxSelectMultiple,
            help_text=f"{first} is on this visit. Tick each other child you visited",
            error_messages={"invalid_choice": f"Choose only children who live with {first} and whose records you may open"},
        )
        for visited in [child, *others]:
            name = visited.person.first_name
            self.fields[child_field(visited, "seen")] = forms.TypedChoiceField(
                label=f"Was {name} seen?", choices=YES_NO, coerce=lambda v: v == "yes", required=False, empty_value=None,
                widget=forms.RadioSelect(attrs={"inline": True}), error_messages={"invalid_choice": f"Select yes if {name} was seen"},
            )
            self.fields[child_field(visited, "seen_alone")] = forms.TypedChoiceField(
                label=f"Was {name} seen alone?", choices=YES_NO, coerce=lambda v: v == "yes", required=False, empty_value=None,
                widget=forms.RadioSelect(attrs={"inline": True}), error_messages={"invalid_choice": f"Select yes if {name} was seen alone"},
            )
            self.fields[child_field(visited, "words")] = textarea(
                f"What did {name} say?", (Visit, "childs_words"), "Their wishes and feelings, in their own words as far as you can", rows=4,
            )
        self.order_fields(["visited_at", "visited_time", "place", "who_was_present", "children"])

    @staticmethod
    def describe(child: Child) -> str:
        born = f", born {child.date_of_birth:%-d %B %Y}" if child.date_of_birth else ""
        return f"{child.name}{born}"

    def sections(self) -> list[tuple[Child, list[forms.BoundField]]]:
        """Each child's questions, the child whose record this is first."""
        return [
            (visited, [self[child_field(visited, name)] for name in ("seen", "seen_alone", "words")])
            for visited in [self.child, *self.others]
        ]

    def clean(self):
        cleaned = super().clean()
        for visited in self.visited():
            name = visited.person.first_name
            if cleaned.get(child_field(visited, "seen")) is None and not self.has_error(child_field(visited, "seen")):
                self.add_error(child_field(visited, "seen"), f"Select yes if {name} was seen")
            if cleaned.get(child_field(visited, "seen_alone")) is None and not self.has_error(child_field(visited, "seen_alone")):
                self.add_error(child_field(visited, "seen_alone"), f"Select yes if {name} was seen alone")
        return cleaned

    def visited(self) -> list[Child]:
        chosen = set(self.cleaned_data.get("children") or [])
        return [self.child, *(other for other in self.others if other.pk in chosen)]

    def children_seen(self) -> list[ChildSeen]:
        data = self.cleaned_data
        return [
            ChildSeen(visited, seen=data[child_field(visited, "seen")], seen_alone=data[child_field(visited, "seen_alone")],
                      words=data[child_field(visited, "words")])
            for visited in self.visited()
        ]


# How each kind of note is asked for: (page heading, date label, direction question and its answers, who question,
# heading label or None for no heading, text label, text hint).
NOTE_PAGES: dict[str, dict] = {
    NoteKind.NOTE: {
        "heading": "Write a case note", "when": "Date", "subject": "Heading", "subject_hint": "A few words to find it by",
        "text": "Note", "text_hint": "",
    },
    NoteKind.PHONE_CALL: {
        "heading": "Record a phone call", "when": "Date of the call", "direction": "Who made the call?",
        "directions": {Direction.INCOMING: "They called me", Direction.OUTGOING: "I called them"},
        "with_whom": "Who was the call with?", "text": "What was said?", "text_hint": "Include anything agreed, and what happens next",
    },
    NoteKind.EMAIL: {
        "heading": "Record an email", "when": "Date of the email", "direction": "Was the email received or sent?",
        "directions": {Direction.INCOMING: "Received", Direction.OUTGOING: "Sent"},
        "with_whom": "Who was the email from or to?", "subject": "Subject (optional)", "subject_hint": "",
        "text": "What did the email say?", "text_hint": "A summary, or paste the email",
    },
    NoteKind.LETTER: {
        "heading": "Record a letter", "when": "Date of the letter", "direction": "Was the letter received or sent?",
        "directions": {Direction.INCOMING: "Received", Direction.OUTGOING: "Sent"},
        "with_whom": "Who was the letter from or to?", "subject": "Subject (optional)", "subject_hint": "",
        "text": "What did the letter say?", "text_hint": "A summary of what it said or asked",
    },
    NoteKind.MEETING: {
        "heading": "Record a multi-agency meeting", "when": "Date of the meeting", "subject": "What was the meeting?",
        "subject_hint": "For example, core group meeting, professionals meeting, child in need review",
        "text": "What was discussed and agreed?", "text_hint": "Decisions and actions: who will do what, by when",
    },
}


class NoteForm(RowsForm):
    """A case note, phone call, email, letter or meeting: one short page each, asking only what that kind needs.
    A meeting also asks for its attendees, a few rows at a time ("Add another attendee" posts back for one more)."""

    row_name = "attendee"

    occurred_at = GovukDateField(label="Date", bound=PastEvent, help_text="For example, 27 3 2025")
    occurred_time = TimeField(label="Time", help_text="Use the 24-hour clock, for example 14:30")
    direction = forms.ChoiceField(widget=forms.RadioSelect)
    with_whom = short_text("Who", (CaseNote, "with_whom"), "Their name and role, for example Jo Bell, school nurse")
    subject = short_text("Heading", (CaseNote, "subject"))
    text = textarea("Note", (CaseNote, "text"), rows=8)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, page = kind, NOTE_PAGES[kind]
        when = page["when"]
        self.fields["occurred_at"] = GovukDateField(label=when, label_for_errors=when, bound=PastEvent, help_text="For example, 27 3 2025")
        self.fields["occurred_time"].error_messages.update({
            "required": f"Enter the time of the {NoteKind(kind).label.lower()}",
            "invalid": "Time must be a time like 14:30",
        })
        what = NoteKind(kind).label.lower()
        if "direction" in page:
            message = f"Select whether the {what} came in or went out"
            direction = self.fields["direction"]
            direction.label, direction.choices = page["direction"], list(page["directions"].items())  # type: ignore[attr-defined]
            direction.widget.attrs["inline"] = True
            direction.error_messages.update({"required": message, "invalid_choice": message})
            self.fields["with_whom"].label = page["with_whom"]
            self.fields["with_whom"].required = True
            self.fields["with_whom"].error_messages["required"] = f"Enter who the {what} was with"
        else:
            del self.fields["direction"], self.fields["with_whom"]
        if "subject" in page:
            subject = self.fields["subject"]
            subject.label, subject.help_text = page["subject"], page["subject_hint"]
            subject.required = not page["subject"].endswith("(optional)")
            subject.error_messages["required"] = (
                "Enter what the meeting was, for example core group meeting" if kind == NoteKind.MEETING else "Enter a short heading"
            )
        else:
            del self.fields["subject"]
        text = self.fields["text"]
        text.label, text.help_text, text.required = page["text"], page["text_hint"], True
        text.error_messages["required"] = "Enter what was discussed and agreed" if kind == NoteKind.MEETING else f"Enter what the {what} was about"
        self.rows = self.posted_rows() if kind == NoteKind.MEETING else 0
        for number in range(1, self.rows + 1):
            self.fields[f"attendee_{number}_name"] = short_text("Name", (MeetingAttendee, "name"))
            self.fields[f"attendee_{number}_role"] = short_text("Role (optional)", (MeetingAttendee, "role"))
            self.fields[f"attendee_{number}_agency"] = short_text(
                "Agency", (MeetingAttendee, "agency"), "For example, Oakfield Primary School, or Family",
            )
            self.fields[f"attendee_{number}_apologies"] = forms.BooleanField(label="Sent apologies (did not attend)", required=False)

    def attendee_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [
            (number, [self[f"attendee_{number}_{name}"] for name in ("name", "role", "agency", "apologies")])
            for number in range(1, self.rows + 1)
        ]

    def occurred_at_value(self):
        return combine(self.cleaned_data["occurred_at"], self.cleaned_data["occurred_time"])

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("occurred_at"), cleaned.get("occurred_time")
        if day and at and day == timezone.localdate() and self.occurred_at_value() > timezone.now():
            self.add_error("occurred_time", "Time must be in the past")
        if self.kind == NoteKind.MEETING:
            self._clean_attendees(cleaned)
        return cleaned

    def _clean_attendees(self, cleaned: dict) -> None:
        present = 0
        for number in range(1, self.rows + 1):
            name, role, agency = (cleaned.get(f"attendee_{number}_{part}", "").strip() for part in ("name", "role", "agency"))
            apologies = cleaned.get(f"attendee_{number}_apologies", False)
            if not (name or role or agency or apologies):
                continue
            if not name and not self.has_error(f"attendee_{number}_name"):
                self.add_error(f"attendee_{number}_name", f"Enter the name of attendee {number}")
            if not agency and not self.has_error(f"attendee_{number}_agency"):
                self.add_error(f"attendee_{number}_agency", f"Enter the agency of attendee {number}, or Family")
            present += bool(name and not apologies)
        if not present and not any(self.has_error(f"attendee_{n}_name") for n in range(1, self.rows + 1)):
            self.add_error("attendee_1_name", "Add at least one person who attended the meeting")

    def attendees(self) -> list[Attendee]:
        cleaned = self.cleaned_data
        found = []
        for number in range(1, self.rows + 1):
            name = cleaned.get(f"attendee_{number}_name", "").strip()
            if name:
                found.append(Attendee(
                    name=name, role=cleaned.get(f"attendee_{number}_role", ""), agency=cleaned.get(f"attendee_{number}_agency", ""),
                    sent_apologies=cleaned.get(f"attendee_{number}_apologies", False),
                ))
        return found
