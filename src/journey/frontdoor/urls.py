from django.urls import path

from . import views

app_name = "frontdoor"
urlpatterns = [
    path("", views.contacts, name="contacts"),
    path("contacts/new/", views.new_contact, name="new-contact"),
    path("contacts/<int:contact_id>/", views.contact, name="contact"),
    path("contacts/<int:contact_id>/sent/", views.contact_sent, name="contact-sent"),
    path("contacts/<int:contact_id>/children/<int:named_id>/link/", views.link, name="link"),
    path("contacts/<int:contact_id>/children/<int:named_id>/create/", views.create_child, name="create-child"),
    path("contacts/<int:contact_id>/screen/", views.screen, name="screen"),
    path("children/<int:child_id>/shared/", views.shared_record, name="shared-record"),
    path("children/<int:child_id>/information/new/", views.add_information, name="add-information"),
    path("my-concerns/", views.my_concerns, name="my-concerns"),
]
