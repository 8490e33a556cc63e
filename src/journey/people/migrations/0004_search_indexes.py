"""Indexes for finding a child among a million people (people.matching's nets).

The phonetic keys' index is portable and declared on the model. PostgreSQL also gets what Django cannot declare
portably: pg_trgm, a trigram index for the former-names search (``icontains``, a LIKE '%...%'), and a pattern index
for the family name's first letters with the first name's key (``istartswith``, a LIKE '...%'). Each expression is
the one Django writes for the lookup (``UPPER("col"::text)``), so the planner uses it. SQLite skips these and scans,
which is correct, if slower.
"""
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class PostgreSQLOnly(migrations.RunSQL):
    """SQL that only PostgreSQL understands; a no-op on any other database, in both directions."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0003_bounded_dates_and_text'),
    ]

    operations = [
        migrations.AlterField(
            model_name='person',
            name='last_name_key',
            field=models.CharField(blank=True, help_text='Phonetic key of the family name (derived).', max_length=20),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['last_name_key', 'first_name_key'], name='person_name_keys'),
        ),
        TrigramExtension(),
        PostgreSQLOnly(
            'CREATE INDEX person_former_names_trgm ON people_person USING gin (UPPER("former_names"::text) gin_trgm_ops)',
            'DROP INDEX person_former_names_trgm',
        ),
        PostgreSQLOnly(
            'CREATE INDEX person_first_key_last_prefix ON people_person ("first_name_key", UPPER("last_name"::text) text_pattern_ops)',
            'DROP INDEX person_first_key_last_prefix',
        ),
    ]
