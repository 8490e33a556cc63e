from django.urls import path

from . import views

app_name = "access"
urlpatterns = [
    path("break-glass/", views.break_glass_uses, name="break-glass-uses"),
    path("children/<int:child_id>/break-glass/", views.break_glass, name="break-glass"),
    path("children/<int:child_id>/grants/", views.grants, name="grants"),
    path("children/<int:child_id>/grants/<int:grant_id>/revoke/", views.revoke, name="revoke"),
]
