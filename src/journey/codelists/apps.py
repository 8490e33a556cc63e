from django.apps import AppConfig


class CodelistsConfig(AppConfig):
    name = "journey.codelists"
    label = "codelists"
    verbose_name = "DfE code lists"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .lookup import clear_cache
        from .models import Code, CodeList

        for model in (Code, CodeList):
            post_save.connect(lambda **kwargs: clear_cache(), sender=model, weak=False, dispatch_uid=f"codelists-{model.__name__}-saved")
            post_delete.connect(lambda **kwargs: clear_cache(), sender=model, weak=False, dispatch_uid=f"codelists-{model.__name__}-deleted")
