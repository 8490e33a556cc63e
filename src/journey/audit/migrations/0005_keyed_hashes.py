"""Re-chain every existing event under the audit key (HMAC-SHA256 in place of plain SHA-256).

Why once, here, rather than leaving old events under plain hashes: see journey.audit.rechain. The append-only
triggers are lifted for the re-chaining and put back before the migration's transaction ends, so no other
connection ever sees the tables without them. Unapplying it re-chains under plain SHA-256 again, for the release
before the key.
"""
from django.db import migrations, models


def _rechain(apps, schema_editor, *, to_key: bool) -> None:
    from journey.audit import triggers
    from journey.audit.keys import event_hash, plain_hash
    from journey.audit.rechain import rechain

    connection = schema_editor.connection
    triggers.remove(connection)
    rechain(
        apps.get_model("audit", "AuditEvent"), apps.get_model("audit", "AuditChainHead"), connection,
        old=plain_hash if to_key else event_hash, new=event_hash if to_key else plain_hash,
    )
    triggers.install(connection)


def forwards(apps, schema_editor) -> None:
    _rechain(apps, schema_editor, to_key=True)


def backwards(apps, schema_editor) -> None:
    _rechain(apps, schema_editor, to_key=False)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0004_head_forward_only"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(
                help_text="HMAC-SHA256, under the audit key, of this event's canonical JSON and previous_hash.",
                max_length=64,
            ),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
