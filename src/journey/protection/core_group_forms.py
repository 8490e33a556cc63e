"""The core group meeting form: when, who came by agency (member rows post back for one more, "Add another member",
without JavaScript), what has changed against the plan, the child's views and what was decided. Like the conference
form it checks only what a form can (a real date, a choice from the list); every rule of the record is the action's,
so every missing answer is named in one pass."""
from django import forms

from journey.accounts.models import Agency
from journey.casework.forms import textarea
from journey.lib.dates import PastEvent
from journey.lib.forms import GovukDateField, RowsForm, TimeField, bounded

from .core_group_actions import Meeting, Member, member_field
from .forms import AgencyChoiceField
from .models import CoreGroupMeeting, CoreGroupMember

MEMBER_PARTS = ("name", "role", "agency", "email", "apologies")


class CoreGroupForm(RowsForm):
    row_name = "member"

    held_on = GovukDateField(label="Date of the meeting", label_for_errors="Date of the meeting", bound=PastEvent,
                             required=False, help_text="For example, 27 3 2025")
    starts_at = TimeField(label="Time it began", required=False, help_text="Use the 24-hour clock, for example 14:30",
                          error_messages={"invalid": "Time must be a time like 14:30"})
    progress = textarea("What has changed against the plan?", (CoreGroupMeeting, "progress"),
                        "What each person has done since the last meeting, and what is better or worse for the child", rows=6)
    childs_views = textarea("The child's views (optional)", (CoreGroupMeeting, "childs_views"),
                            "How the child's views were heard, and what they said, in their own words where you can", rows=4)
    decisions = textarea("Decisions and next steps", (CoreGroupMeeting, "decisions"), "Who does what, by when", rows=6)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = self.posted_rows()
        agencies = Agency.objects.order_by("name")
        for number in range(1, self.rows + 1):
            self.fields[member_field(number, "name")] = forms.CharField(label="Name", required=False, **bounded(CoreGroupMember, "name", "Name"))
            self.fields[member_field(number, "role")] = forms.CharField(
                label="Role (optional)", required=False, **bounded(CoreGroupMember, "role", "Role"),
            )
            self.fields[member_field(number, "agency")] = AgencyChoiceField(
                label="Agency", queryset=agencies, required=False, empty_label="Select an agency",
                error_messages={"invalid_choice": f"Select the agency of member {number} from the list"},
            )
            self.fields[member_field(number, "email")] = forms.EmailField(
                label="Email address, if they use Journey (optional)", required=False, max_length=254,
                help_text="So that they see the meeting's date on their agency's page for the child",
                error_messages={"invalid": f"Enter the email address of member {number} like name@example.org"},
            )
            self.fields[member_field(number, "apologies")] = forms.BooleanField(label="Sent apologies (did not come)", required=False)
        order = ["held_on", "starts_at", *(member_field(n, part) for n in range(1, self.rows + 1) for part in MEMBER_PARTS)]
        self.order_fields(order)

    def member_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [(n, [self[member_field(n, part)] for part in MEMBER_PARTS]) for n in range(1, self.rows + 1)]

    def record(self) -> Meeting:
        data = self.cleaned_data
        return Meeting(
            held_on=data.get("held_on"), starts_at=data.get("starts_at"), progress=data.get("progress", ""),
            decisions=data.get("decisions", ""), childs_views=data.get("childs_views", ""),
        )

    def members(self) -> list[Member]:
        """The rows with anything typed in them; empty rows are left out."""
        found = []
        for number in range(1, self.rows + 1):
            name, role, agency, email, apologies = (self.cleaned_data.get(member_field(number, part)) for part in MEMBER_PARTS)
            if name or role or agency or email or apologies:
                found.append(Member(name=name or "", role=role or "", agency=agency, email=email or "", sent_apologies=bool(apologies), number=number))
        return found
