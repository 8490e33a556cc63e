"""Database triggers that refuse UPDATE and DELETE of audit events (see journey.audit.triggers)."""
from django.db import migrations


def install(apps, schema_editor) -> None:
    from journey.audit.triggers import install

    install(schema_editor.connection)


def remove(apps, schema_editor) -> None:
    from journey.audit.triggers import remove

    remove(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, remove, elidable=False),
    ]
