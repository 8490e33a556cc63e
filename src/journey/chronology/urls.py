from django.urls import path

from . import views

app_name = "chronology"
urlpatterns = [
    path("children/<int:child_id>/events/new/", views.add_event, name="add-event"),
    path("children/<int:child_id>/flag/", views.flag, name="flag"),
    path("children/<int:child_id>/print/", views.print_chronology, name="print"),
]
