from django.urls import path

from . import unit_views, views

app_name = "practice"
urlpatterns = [
    path("supervision/", views.supervision, name="supervision"),
    path("supervision/practitioners/<int:practitioner_id>/new/", views.new_supervision, name="new-supervision"),
    path("supervision/sessions/<int:session_id>/", views.session, name="session"),
    path("units/<int:unit_id>/", unit_views.unit, name="unit"),
    path("units/<int:unit_id>/meetings/new/", unit_views.new_unit_meeting, name="new-unit-meeting"),
    path("units/meetings/<int:meeting_id>/", unit_views.unit_meeting, name="unit-meeting"),
]
