from django.urls import path

from . import audit_views

app_name = "learning"
urlpatterns: list = [
    path("audits/", audit_views.audits, name="audits"),
    path("audits/rounds/new/", audit_views.new_round, name="new-audit-round"),
    path("audits/rounds/<int:round_id>/", audit_views.round_page, name="audit-round"),
    path("audits/rounds/<int:round_id>/access/", audit_views.round_grant, name="audit-grant"),
    path("audits/sample/<int:sample_id>/audit/", audit_views.new_audit, name="new-case-audit"),
    path("audits/<int:audit_id>/", audit_views.audit_page, name="case-audit"),
    path("audits/<int:audit_id>/practitioner-view/", audit_views.practitioner_view, name="practitioner-view"),
    path("audits/themes/", audit_views.themes, name="audit-themes"),
]
