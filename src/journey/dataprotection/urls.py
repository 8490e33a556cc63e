from django.urls import path

from . import views

app_name = "dataprotection"
urlpatterns = [
    path("", views.start, name="start"),
    path("sar/new/", views.new_sar, name="new-sar"),
    path("sar/<int:sar_id>/", views.sar_export, name="sar"),
    path("sar/<int:sar_id>/export.json", views.sar_export_json, name="sar-json"),
    path("sar/<int:sar_id>/response/", views.sar_response, name="sar-response"),
    path("retention/", views.retention_report, name="retention"),
    path("shares/", views.sharing_log, name="sharing-log"),
    path("children/<int:child_id>/shares/", views.child_shares, name="child-shares"),
    path("children/<int:child_id>/shares/new/", views.new_share, name="new-share"),
]
