"""A subject access export: everything Journey holds about one person, grouped by kind, readable by people.

Nothing is left out to protect others. Information about other people (family members, referrers, people present
at a visit) and free text written about the family is MARKED with the reason it may need redacting, so the data
protection officer decides what is released; the decision is theirs and the export shows every candidate.
The one exception is a restricted child the officer may not open: she is left out of another person's export
altogether (see ``export_sections``), because a name marked for redaction is still a name on the officer's desk.
"""
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone


class Redact:
    """Why a value may need redacting before release. One place, so the HTML, JSON and tests use the same words."""

    REFERRER = "third party: referrer"
    FAMILY_MEMBER = "third party: family member"
    OTHER_CHILD = "third party: another child"
    HOUSEHOLD_MEMBER = "third party: household member"
    PEOPLE_PRESENT = "third party: people present"
    RECIPIENT = "third party: recipient of shared information"
    ANOTHER_CHILDS_RECORD = "third party: from another child's record"
    FREE_TEXT = "may identify another person"
    CONCERN = "may identify another person: the referrer's account"


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    redact: str = ""


@dataclass(frozen=True)
class Item:
    title: str
    fields: tuple[Field, ...]
    when: date | datetime | None = None


@dataclass(frozen=True)
class Section:
    kind: str
    title: str
    items: tuple[Item, ...]
    note: str = ""

    @property
    def marked(self) -> int:
        return sum(1 for item in self.items for f in item.fields if f.redact)


@dataclass(frozen=True)
class SubjectAccessExport:
    subject_name: str
    subject_date_of_birth: date | None
    is_child: bool
    generated_at: datetime
    generated_by: str
    sections: tuple[Section, ...]
    covers: tuple[str, ...] = field(default_factory=tuple)

    @property
    def marked(self) -> int:
        return sum(section.marked for section in self.sections)

    def marked_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for section in self.sections:
            for item in section.items:
                for f in item.fields:
                    if f.redact:
                        counts[f.redact] = counts.get(f.redact, 0) + 1
        return dict(sorted(counts.items()))

    def as_json(self, request_details: dict) -> dict:
        """The same content as the page, for the officer's redaction tools: every marked value names its reason."""
        return {
            "subject": {
                "name": self.subject_name,
                "date_of_birth": _iso(self.subject_date_of_birth),
                "is_child": self.is_child,
            },
            "request": request_details,
            "generated_at": _iso(self.generated_at),
            "generated_by": self.generated_by,
            "covers": list(self.covers),
            "marked_for_redaction": {"total": self.marked, "by_reason": self.marked_by_reason()},
            "sections": [
                {
                    "kind": section.kind, "title": section.title, "note": section.note,
                    "items": [
                        {
                            "title": item.title, "date": _iso(item.when),
                            "fields": [
                                {"label": f.label, "value": f.value, "redact": {"reason": f.redact} if f.redact else None}
                                for f in item.fields
                            ],
                        }
                        for item in section.items
                    ],
                }
                for section in self.sections
            ],
        }


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def fields(*rows: tuple) -> tuple[Field, ...]:
    """``(label, value)`` or ``(label, value, reason)`` rows; empty values are kept as 'Not recorded', never dropped."""
    built = []
    for row in rows:
        label, value, *reason = row
        built.append(Field(label, show(value), reason[0] if reason and show(value) != NOT_RECORDED else ""))
    return tuple(built)


NOT_RECORDED = "Not recorded"


def show(value) -> str:
    if value is None or value == "":
        return NOT_RECORDED
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%-d %B %Y at %H:%M")
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    return str(value)


def build_export(person, *, user, children, record_read) -> SubjectAccessExport:
    """Everything about ``person``. ``children`` are those the officer's duties reach (``rules.children_in_scope``);
    ``record_read(child)`` is called for each child whose record the export reads, so every read is in the log."""
    from . import export_sections as s

    child = getattr(person, "child_record", None)
    sections = [s.identity(person), s.relationships(person, user), s.households(person, user)]
    if child is not None:
        record_read(child)
        sections += s.child_record_sections(child, user)
    sections.append(s.named_in_other_records(person, children, record_read, user))
    covers = (
        "Everything recorded about the person on their own record." if child is not None else
        "The person's own details, relationships and households.",
        "Records of related children (by relationship or household) that name the person.",
        s.RESTRICTED_NOTE,
        "Values marked 'check before release' may need redacting: the officer decides; nothing has been removed.",
    )
    return SubjectAccessExport(
        subject_name=person.full_name, subject_date_of_birth=person.date_of_birth, is_child=child is not None,
        generated_at=timezone.now(), generated_by=user.display_name, sections=tuple(sections), covers=covers,
    )
