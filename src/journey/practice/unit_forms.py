"""The "Record a unit meeting" form: the day, who of the unit attended, then a row per child discussed (the child,
what was discussed, what was agreed, who will do it and by when). "Add another child" posts the page back with one
more row, without JavaScript. It checks only what a form can (a real date, a choice from the list); every rule of
the record is the action's, so every failure is named in one pass."""
from django import forms

from journey.casework.forms import textarea
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, RowsForm

from .forms import ChildChoiceField, StaffChoiceField
from .models import UnitMeetingEntry
from .unit_actions import ENTRY_PARTS, Entry, entry_field
from .unit_queries import unit_children
from .unit_rules import members_of

ROW_PARTS = ("", *ENTRY_PARTS)


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        role = obj.unit_role_label or obj.job_title
        return f"{obj.display_name}, {role}" if role else obj.display_name


class UnitMeetingForm(RowsForm):
    row_name = "entry"
    first_rows, max_rows = 2, 30

    held_on = GovukDateField(label="Date of the meeting", label_for_errors="Date of the meeting", bound=PastEvent,
                             required=False, help_text="For example, 27 3 2025")

    def __init__(self, *args, unit, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = self.posted_rows()
        members = members_of(unit)
        self.fields["attendees"] = MemberChoiceField(
            label="Who from the unit attended", queryset=members, required=False, widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Choose only members of the unit as attending", "invalid_pk_value": "Choose only members of the unit as attending"},
        )
        children = unit_children(viewer, unit)
        for n in range(1, self.rows + 1):
            self.fields[entry_field(n)] = ChildChoiceField(
                label="Child discussed", queryset=children, required=False, empty_label="Select a child",
                error_messages={"invalid_choice": f"Choose child {n} from the list"},
            )
            self.fields[entry_field(n, "discussed")] = textarea("What was discussed", (UnitMeetingEntry, "discussed"), rows=3)
            self.fields[entry_field(n, "agreed")] = textarea("What was agreed (optional)", (UnitMeetingEntry, "agreed"), rows=2)
            self.fields[entry_field(n, "responsible")] = StaffChoiceField(
                label="Who will do it (needed when something was agreed)", queryset=members, required=False, empty_label="Select a member of the unit",
                error_messages={"invalid_choice": f"Choose who will do what was agreed for child {n} from the list"},
            )
            self.fields[entry_field(n, "by_when")] = GovukDateField(
                label="By when (optional)", label_for_errors="By when", bound=PlannedDate, required=False, help_text="For example, 27 3 2026",
            )

    def entry_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [(n, [self[entry_field(n, part)] for part in ROW_PARTS]) for n in range(1, self.rows + 1)]

    def entries(self) -> list[Entry]:
        """The rows with anything typed in them; empty rows are left out."""
        found = []
        for n in range(1, self.rows + 1):
            got = {part: self.cleaned_data.get(entry_field(n, part)) for part in ROW_PARTS}
            if any(got.values()):
                found.append(Entry(got[""], got["discussed"] or "", got["agreed"] or "", got["responsible"], got["by_when"], number=n))
        return found

    def attendees(self) -> list:
        return list(self.cleaned_data.get("attendees") or [])
