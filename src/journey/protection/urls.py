from django.urls import path

from . import conference_views, core_group_views, report_views, views

app_name = "protection"
urlpatterns = [
    path("children/<int:child_id>/episodes/<int:episode_id>/strategy-discussions/new/", views.new_discussion, name="new-discussion"),
    path("children/<int:child_id>/strategy-discussions/<int:discussion_id>/", views.discussion, name="discussion"),
    path("children/<int:child_id>/strategy-discussions/<int:discussion_id>/further/", views.further_discussion, name="further-discussion"),
    path("children/<int:child_id>/strategy-discussions/<int:discussion_id>/section-47/", views.start_enquiry, name="start-enquiry"),
    path("children/<int:child_id>/section-47/<int:enquiry_id>/", views.enquiry, name="enquiry"),
    path("children/<int:child_id>/section-47/<int:enquiry_id>/complete/", views.complete_enquiry, name="complete-enquiry"),
    path("children/<int:child_id>/section-47/<int:enquiry_id>/by-when/", views.change_by_when, name="enquiry-by-when"),
    path("children/<int:child_id>/section-47/<int:enquiry_id>/conference/", conference_views.new_initial_conference, name="new-initial-conference"),
    path("children/<int:child_id>/plans/<int:plan_id>/review-conference/", conference_views.new_review_conference, name="new-review-conference"),
    path("children/<int:child_id>/conferences/<int:conference_id>/", conference_views.conference, name="conference"),
    path("conferences/", conference_views.my_conferences, name="my-conferences"),
    path("children/<int:child_id>/plans/<int:plan_id>/core-group/new/", core_group_views.new_core_group_meeting, name="new-core-group"),
    path("children/<int:child_id>/core-group/<int:meeting_id>/", core_group_views.core_group_meeting, name="core-group"),
    path("children/<int:child_id>/conference-reports/new/", report_views.new_report, name="new-report"),
    path("children/<int:child_id>/conference-reports/<int:report_id>/", report_views.report, name="report"),
]
