from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("find/", views.find_child, name="find"),
    path("<int:child_id>/", views.child_journey, name="child"),
    path("<int:child_id>/details/", views.edit_details, name="edit-details"),
    path("<int:child_id>/address/new/", views.move_address, name="move-address"),
]
