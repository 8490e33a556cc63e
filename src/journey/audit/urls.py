from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("children/<int:child_id>/", views.child_reads, name="child-reads"),
]
