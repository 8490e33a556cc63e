from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "journey.people"
    label = "people"
    verbose_name = "The child and family record"
