"""Loads every code list from journey/codelists/data/ (lists.csv and one file per list), so a fresh database has them.

A later year's changes are made in those files and loaded by a new migration that runs the same ``sync``."""
from django.db import migrations

from journey.codelists.loading import sync


def load(apps, schema_editor) -> None:
    sync(apps.get_model("codelists", "CodeList"), apps.get_model("codelists", "Code"))


class Migration(migrations.Migration):
    dependencies = [("codelists", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
