from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("give/<str:token>/", views.give, name="give"),  # the one page open without signing in
    path("team/", views.team_summary, name="summary"),
    path("children/<int:child_id>/", views.child_feedback, name="child"),
    path("children/<int:child_id>/new/", views.new_feedback, name="new"),
    path("children/<int:child_id>/links/new/", views.new_link, name="new-link"),
    path("children/<int:child_id>/<int:feedback_id>/", views.feedback, name="feedback"),
    path("children/<int:child_id>/<int:feedback_id>/respond/", views.respond, name="respond"),
]
