from django.apps import AppConfig


class NewsConfig(AppConfig):
    """What is new for a worker about the children they hold, derived at read time from the casework and front door
    records; it stores only what each user has read."""

    name = "journey.news"
    label = "news"
    verbose_name = "New for you"

    def ready(self) -> None:
        from . import landing  # noqa: F401  puts "new for you" at the top of casework's "My children"
