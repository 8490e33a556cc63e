"""A download address, and one "attach a document" address per registered kind of entry (``registry``), each
taking the entry's id by its own name (``note_id``, ``visit_id``) as the entry's own pages do."""
from django.urls import path

from . import registry, views

app_name = "documents"
urlpatterns = [
    path("children/<int:child_id>/documents/<int:document_id>/", views.download, name="download"),
    *(
        path(f"children/<int:child_id>/{a.label}s/<int:{a.id_name}>/attach/", views.attach, {"label": a.label}, name=f"attach-{a.label}")
        for a in registry.attachables()
    ),
]
