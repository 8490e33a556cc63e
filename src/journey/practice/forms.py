"""The "Record supervision" form: the day, then a row per child discussed (the child, the reflective prompts, and a
decision with its rationale, who is responsible and by when). "Add another child" posts the page back with one more
row, without JavaScript. Like the protection forms it checks only what a form can (a real date, a choice from the
list); every rule of the record is the action's, so every failure is named in one pass."""
from django import forms

from journey.casework.forms import textarea
from journey.lib.dates import PastEvent, PlannedDate
from journey.lib.forms import GovukDateField, RowsForm
from journey.people.models import Child

from .actions import Decision, Discussion, child_field, staff_choices
from .models import SupervisionDecision, SupervisionDiscussion
from .rules import children_worked_by

PROMPT_LABELS = (
    ("happening", "What do you think is happening, and why? (optional)", ""),
    ("gut_feeling", "What is your gut feeling, and what is it based on? (optional)", ""),
    ("alternative", "What else could explain what we see? (optional)",
     "Give at least one alternative hypothesis if you can; if none is given, the record says so"),
    ("change_mind", "What would change your mind? (optional)", ""),
    ("child_says", "What does the child say? (optional)", "In their own words where you can"),
    ("feelings", "How are you feeling about this family? (optional)",
     "Private to supervision: seen by you, your supervisor and your managers, never on the child's record"),
)
ROW_PARTS = ("", *(name for name, _, _ in PROMPT_LABELS), "decision", "rationale", "responsible", "by_when")


class ChildChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} (born {obj.date_of_birth:%-d %B %Y})"


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class SupervisionForm(RowsForm):
    row_name = "child"
    first_rows, max_rows = 1, 20

    held_on = GovukDateField(label="Date of the supervision", label_for_errors="Date of the supervision", bound=PastEvent,
                             required=False, help_text="For example, 27 3 2025")

    def __init__(self, *args, practitioner, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = self.posted_rows()
        # The practitioner's children that the manager may also open: a list never names a child its reader may not.
        children = (
            children_worked_by(practitioner).filter(pk__in=Child.objects.visible_to(viewer).values("pk"))
            .select_related("person").order_by("person__last_name", "person__first_name", "pk")
        )
        staff = staff_choices()
        for n in range(1, self.rows + 1):
            self.fields[child_field(n)] = ChildChoiceField(
                label="Child discussed", queryset=children, required=False, empty_label="Select a child",
                error_messages={"invalid_choice": f"Choose child {n} from the list"},
            )
            for name, label, hint in PROMPT_LABELS:
                self.fields[child_field(n, name)] = textarea(label, (SupervisionDiscussion, name), hint, rows=3)
            self.fields[child_field(n, "decision")] = textarea("Decision (optional)", (SupervisionDecision, "decision"),
                                                              "What was decided about the child: it goes onto the child's chronology", rows=2)
            self.fields[child_field(n, "rationale")] = textarea("Why it was decided (optional)", (SupervisionDecision, "rationale"), rows=2)
            self.fields[child_field(n, "responsible")] = StaffChoiceField(
                label="Who is responsible (needed for a decision)", queryset=staff, required=False, empty_label="Select a person",
                error_messages={"invalid_choice": f"Choose who is responsible for the decision about child {n} from the list"},
            )
            self.fields[child_field(n, "by_when")] = GovukDateField(
                label="By when (optional)", label_for_errors="By when", bound=PlannedDate, required=False, help_text="For example, 27 3 2026",
            )

    def child_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [(n, [self[child_field(n, part)] for part in ROW_PARTS]) for n in range(1, self.rows + 1)]

    def discussions(self) -> list[Discussion]:
        """The rows with anything typed in them; empty rows are left out."""
        found = []
        for n in range(1, self.rows + 1):
            got = {part: self.cleaned_data.get(child_field(n, part)) for part in ROW_PARTS}
            if not any(got.values()):
                continue
            decisions = []
            if got["decision"] or got["rationale"] or got["responsible"] or got["by_when"]:
                decisions.append(Decision(got["decision"] or "", got["rationale"] or "", got["responsible"], got["by_when"]))
            found.append(Discussion(
                got[""], **{name: got[name] or "" for name, _, _ in PROMPT_LABELS}, decisions=decisions, number=n,
            ))
        return found
