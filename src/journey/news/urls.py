from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("", views.news, name="news"),
    path("read/", views.mark_all_read, name="mark-all-read"),
    path("<slug:kind>/<int:item_id>/", views.open_item, name="open"),
]
