from django.urls import path

from . import plan_views, team_views, views
from .codes import NoteKind

app_name = "casework"
urlpatterns = [
    path("", views.my_children, name="my-children"),
    path("team/", team_views.team_queue, name="team"),
    path("team/without-by-when/", team_views.without_by_when, name="without-by-when"),
    path("service/", team_views.service, name="service"),
    path("children/<int:child_id>/visits/new/", views.new_visit, name="new-visit"),
    path("children/<int:child_id>/visits/<int:visit_id>/", views.visit, name="visit"),
    path("children/<int:child_id>/visits/household/new/", views.new_household_visit, name="new-household-visit"),
    path("children/<int:child_id>/notes/new/", views.choose_note, name="choose-note"),
    path("children/<int:child_id>/notes/new/note/", views.new_note, {"kind": NoteKind.NOTE}, name="new-note"),
    path("children/<int:child_id>/notes/new/phone-call/", views.new_note, {"kind": NoteKind.PHONE_CALL}, name="new-phone-call"),
    path("children/<int:child_id>/notes/new/email/", views.new_note, {"kind": NoteKind.EMAIL}, name="new-email"),
    path("children/<int:child_id>/notes/new/letter/", views.new_note, {"kind": NoteKind.LETTER}, name="new-letter"),
    path("children/<int:child_id>/notes/new/meeting/", views.new_note, {"kind": NoteKind.MEETING}, name="new-meeting"),
    path("children/<int:child_id>/notes/<int:note_id>/", views.note, name="note"),
    path("children/<int:child_id>/episodes/new/", views.open_episode, name="open-episode"),
    path("children/<int:child_id>/episodes/<int:episode_id>/allocate/", team_views.allocate, name="allocate"),
    path("children/<int:child_id>/episodes/<int:episode_id>/close/", team_views.close_episode, name="close-episode"),
    path("children/<int:child_id>/episodes/<int:episode_id>/transfer/", team_views.propose_transfer, name="propose-transfer"),
    path("children/<int:child_id>/transfers/<int:transfer_id>/", team_views.transfer, name="transfer"),
    path("children/<int:child_id>/transfers/<int:transfer_id>/decide/", team_views.decide_transfer, name="decide-transfer"),
    path("children/<int:child_id>/closures/<int:proposal_id>/", team_views.closure, name="closure"),
    path("children/<int:child_id>/closures/<int:proposal_id>/decide/", team_views.decide_closure, name="decide-closure"),
    path("children/<int:child_id>/episodes/<int:episode_id>/assessments/new/", views.new_assessment, name="new-assessment"),
    path("children/<int:child_id>/assessments/<int:assessment_id>/", views.assessment, name="assessment"),
    path("children/<int:child_id>/assessments/<int:assessment_id>/by-when/", views.change_by_when, name="change-by-when"),
    path("children/<int:child_id>/assessments/<int:assessment_id>/authorise/", views.authorise_assessment, name="authorise-assessment"),
    path("children/<int:child_id>/plans/", plan_views.plans, name="plans"),
    path("children/<int:child_id>/episodes/<int:episode_id>/plans/new/", plan_views.new_plan, name="new-plan"),
    path("children/<int:child_id>/plans/<int:plan_id>/", plan_views.plan, name="plan"),
    path("children/<int:child_id>/plans/<int:plan_id>/versions/<int:number>/", plan_views.plan_version, name="plan-version"),
    path("children/<int:child_id>/plans/<int:plan_id>/review/", plan_views.review_plan, name="review-plan"),
    path("children/<int:child_id>/plans/<int:plan_id>/end/", plan_views.end_plan, name="end-plan"),
    path("children/<int:child_id>/plans/<int:plan_id>/print/", plan_views.print_plan, name="print-plan"),
]
