from django.urls import path

from . import views

app_name = "practice"
urlpatterns = [
    path("supervision/", views.supervision, name="supervision"),
    path("supervision/practitioners/<int:practitioner_id>/new/", views.new_supervision, name="new-supervision"),
    path("supervision/sessions/<int:session_id>/", views.session, name="session"),
]
