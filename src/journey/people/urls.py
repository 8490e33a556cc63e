from django.urls import path

from . import family_views, views

app_name = "people"
urlpatterns = [
    path("find/", views.find_child, name="find"),
    path("<int:child_id>/", views.child_journey, name="child"),
    path("<int:child_id>/details/", views.edit_details, name="edit-details"),
    path("<int:child_id>/address/new/", views.move_address, name="move-address"),
    path("<int:child_id>/family/", family_views.family, name="family"),
    path("<int:child_id>/family/add/", family_views.add_family_member, name="add-family-member"),
    path("<int:child_id>/family/link/", family_views.link_family_member, name="link-family-member"),
    path("<int:child_id>/family/relationships/<int:relationship_id>/end/", family_views.end_relationship, name="end-relationship"),
    path("<int:child_id>/family/household/join/", family_views.join_household, name="join-household"),
    path("<int:child_id>/family/household/<int:membership_id>/leave/", family_views.leave_household, name="leave-household"),
    path("<int:child_id>/family/household/move/", family_views.move_household, name="move-household"),
]
