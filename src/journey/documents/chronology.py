"""Documents on a child's chronology: "Document attached: school report.pdf", saying which entry it is attached to
and linking to that entry's page, where the document is listed with its download link."""
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from journey.chronology.registry import Entry, author, child_of, entry_key, link, register

from . import registry
from .models import Document


def _entries_described(pairs: set[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, str]]:
    """(content type id, entry id) -> (what the entry is, the route of its page), one query per kind of entry."""
    wanted: dict[int, list[int]] = defaultdict(list)
    for type_id, entry_id in pairs:
        wanted[type_id].append(entry_id)
    found = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        attachable = registry.of_model(model._meta.label) if model is not None else None
        if attachable is None or model is None:
            continue
        for entry in model._default_manager.filter(pk__in=ids):
            found[(type_id, entry.pk)] = (attachable.describe(entry), attachable.page)
    return found


@register("document", "Document attached", sources={"documents.Document": child_of})
def documents(child_ids):
    rows = list(Document.objects.filter(child_id__in=child_ids).order_by().values_list(
        "pk", "child_id", "entry_type_id", "entry_id", "original_name", "description", "uploaded_at", "uploaded_by_id",
    ))
    described = _entries_described({(type_id, entry_id) for _pk, _child, type_id, entry_id, *_rest in rows})
    for pk, child_id, type_id, entry_id, name, description, uploaded_at, uploaded_by in rows:
        agency, who = author(uploaded_by)
        what, page = described.get((type_id, entry_id), ("", ""))
        yield Entry(
            kind="document", occurred_at=uploaded_at, title=f"Document attached: {name}",
            summary=" ".join(filter(None, [f"Attached to: {what}." if what else "", description])),
            agency=agency, author=who, url=link(page, child_id, entry_id) if page else "", key=entry_key("document", pk),
            child_id=child_id,
        )
