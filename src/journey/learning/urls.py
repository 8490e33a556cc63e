from django.urls import path

from . import audit_views, recommendation_views, review_views

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
    path("reviews/", review_views.reviews, name="reviews"),
    path("reviews/new/", review_views.new_review, name="new-review"),
    path("reviews/<int:review_id>/", review_views.review, name="review"),
    path("reviews/<int:review_id>/team/", review_views.add_member, name="add-member"),
    path("reviews/<int:review_id>/close/", review_views.close_review, name="close-review"),
    path("reviews/<int:review_id>/timeline/", review_views.timeline, name="timeline"),
    path("reviews/<int:review_id>/episodes/new/", review_views.new_episode, name="new-episode"),
    path("reviews/<int:review_id>/findings/new/", review_views.new_finding, name="new-finding"),
    path("recommendations/", recommendation_views.board, name="board"),
    path("recommendations/new/", recommendation_views.new_recommendation, name="new-recommendation"),
    path("recommendations/<int:recommendation_id>/", recommendation_views.recommendation, name="recommendation"),
    path("recommendations/<int:recommendation_id>/actions/", recommendation_views.add_action, name="add-action"),
    path("recommendations/<int:recommendation_id>/progress/", recommendation_views.add_progress, name="add-progress"),
    path("recommendations/<int:recommendation_id>/close/", recommendation_views.close, name="close-recommendation"),
]
