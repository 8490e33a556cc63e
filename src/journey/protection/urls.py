from django.urls import path

from . import views

app_name = "protection"
urlpatterns = [
    path("children/<int:child_id>/episodes/<int:episode_id>/strategy-discussions/new/", views.new_discussion, name="new-discussion"),
    path("children/<int:child_id>/strategy-discussions/<int:discussion_id>/", views.discussion, name="discussion"),
    path("children/<int:child_id>/strategy-discussions/<int:discussion_id>/further/", views.further_discussion, name="further-discussion"),
    path("children/<int:child_id>/strategy-discussions/<int:discussion_id>/section-47/", views.start_enquiry, name="start-enquiry"),
    path("children/<int:child_id>/section-47/<int:enquiry_id>/", views.enquiry, name="enquiry"),
    path("children/<int:child_id>/section-47/<int:enquiry_id>/complete/", views.complete_enquiry, name="complete-enquiry"),
    path("children/<int:child_id>/section-47/<int:enquiry_id>/by-when/", views.change_by_when, name="enquiry-by-when"),
]
