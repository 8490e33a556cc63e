"""``{% attached_documents child entry %}``: the documents attached to an entry, listed on the entry's own page with
a link to attach another (for those who may). The page that includes it has already logged its read of the child."""
from django import template
from django.urls import reverse

from journey.documents import registry, rules
from journey.documents.models import Document

register = template.Library()


@register.inclusion_tag("documents/attached.html", takes_context=True)
def attached_documents(context, child, entry) -> dict:
    attachable = registry.of(entry)
    user = context["request"].user
    if attachable is None or not rules.can_read(user, child):
        return {"shown": False}
    return {
        "shown": True, "child": child,
        "documents": Document.objects.attached_to(entry).filter(child=child).select_related("uploaded_by"),
        "attach_url": reverse(attachable.route, args=[child.pk, entry.pk]) if rules.can_attach(user, child) else "",
    }
