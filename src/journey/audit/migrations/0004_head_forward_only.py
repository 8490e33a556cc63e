"""A trigger on the chain head: it cannot be deleted or moved backwards (see journey.audit.triggers)."""
from django.db import migrations


def install(apps, schema_editor) -> None:
    from journey.audit.triggers import install

    install(schema_editor.connection)  # both tables; the events' triggers are replaced as they were


def remove(apps, schema_editor) -> None:
    from journey.audit.triggers import remove_head_guard

    remove_head_guard(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0003_refused_action"),
    ]

    operations = [
        migrations.RunPython(install, remove, elidable=False),
    ]
