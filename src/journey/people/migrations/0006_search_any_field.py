"""Indexes for finding a child on any one detail (people.search), and the names' spellings on PostgreSQL.

Portable: the names upper-cased as the searches compare them, family then first name and first then family name
(so the children with one family name, or one first name, come in name order straight from an index), and known-as
names where there are.

PostgreSQL only (guarded by vendor, as 0004 does): ``people_name_spelling``, every distinct spelling of a first,
family, known-as or former name, with a trigram index and a pattern index. A spelling slip is looked for among the
few hundred thousand spellings, not among a million people (pg_trgm's "words table" for spelling suggestions), and
the people are then found by the exact spellings through the indexes above. Statement triggers keep the table equal
to the people table, however rows are written (the actions' saves, the generator's COPY, a retention delete):
a new spelling is added when a person is written; one that no person still has is dropped when a person is changed
or deleted. ``people.spellings.differences()`` checks it. SQLite reads the spellings from the people table instead.
"""
from importlib import import_module

import django.db.models.functions.text
from django.db import migrations, models

PostgreSQLOnly = import_module("journey.people.migrations.0004_search_indexes").PostgreSQLOnly

# Every spelling a person's row holds, upper-cased: whole first, family and known-as names, and each word of the
# former names (people.spellings reads them the same way on SQLite).
SPELLINGS_OF = """
    SELECT DISTINCT spelling FROM {rows}, LATERAL (
        SELECT upper(first_name) UNION ALL SELECT upper(last_name) UNION ALL SELECT upper(known_as)
        UNION ALL SELECT regexp_split_to_table(upper(former_names), '[\\s,]+')
    ) AS spellings(spelling) WHERE spelling <> ''
"""

# Each spelling also without its accents (as people.names.fold leaves the letters of the alphabets children's names
# in England are mostly written in), so that 'Gosia' finds 'MAŁGORZATA' through its variant 'MALGORZATA'.
ACCENTED = "ĄĆĘŁŃÓŚŹŻĂÂÎȘȚŞŢÁÀÄÃÅÉÈËÊÍÌÏÒÖÔÕØÚÙÜÛÝÇČĎĚŇŘŠŤŮŽĐ"
PLAIN = "ACELNOSZZAAISTSTAAAAAEEEEIIIOOOOOUUUUYCCDENRSTUZD"

CREATE = f"""
CREATE TABLE people_name_spelling (
    spelling varchar(300) PRIMARY KEY,
    plain varchar(300) NOT NULL GENERATED ALWAYS AS (translate(spelling, '{ACCENTED}', '{PLAIN}')) STORED
);
CREATE INDEX people_name_spelling_trgm ON people_name_spelling USING gin (plain gin_trgm_ops);
CREATE INDEX people_name_spelling_pattern ON people_name_spelling (plain text_pattern_ops);

CREATE FUNCTION people_name_spelling_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO people_name_spelling (spelling)
    {SPELLINGS_OF.format(rows="written")} ORDER BY spelling
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION people_name_spelling_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM people_name_spelling AS known USING ({SPELLINGS_OF.format(rows="gone")}) AS dropped
    WHERE known.spelling = dropped.spelling
      AND NOT EXISTS (SELECT 1 FROM people_person p WHERE upper(p.first_name::text) = dropped.spelling)
      AND NOT EXISTS (SELECT 1 FROM people_person p WHERE upper(p.last_name::text) = dropped.spelling)
      AND NOT EXISTS (SELECT 1 FROM people_person p WHERE upper(p.known_as::text) = dropped.spelling AND p.known_as <> '')
      AND NOT EXISTS (
          SELECT 1 FROM people_person p WHERE upper(p.former_names::text) LIKE '%' || dropped.spelling || '%'
          AND dropped.spelling = ANY(regexp_split_to_array(upper(p.former_names), '[\\s,]+'))
      );
    RETURN NULL;
END $$;

CREATE FUNCTION people_name_spelling_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE people_name_spelling;
    RETURN NULL;
END $$;

CREATE TRIGGER people_name_spelling_inserted AFTER INSERT ON people_person
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION people_name_spelling_add();
CREATE TRIGGER people_name_spelling_updated AFTER UPDATE ON people_person
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION people_name_spelling_add();
CREATE TRIGGER people_name_spelling_replaced AFTER UPDATE ON people_person
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION people_name_spelling_forget();
CREATE TRIGGER people_name_spelling_deleted AFTER DELETE ON people_person
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION people_name_spelling_forget();
CREATE TRIGGER people_name_spelling_truncated AFTER TRUNCATE ON people_person
    FOR EACH STATEMENT EXECUTE FUNCTION people_name_spelling_clear();

INSERT INTO people_name_spelling (spelling) {SPELLINGS_OF.format(rows="people_person")} ON CONFLICT DO NOTHING;
ANALYZE people_name_spelling;
"""

DROP = """
DROP TRIGGER people_name_spelling_inserted ON people_person;
DROP TRIGGER people_name_spelling_updated ON people_person;
DROP TRIGGER people_name_spelling_replaced ON people_person;
DROP TRIGGER people_name_spelling_deleted ON people_person;
DROP TRIGGER people_name_spelling_truncated ON people_person;
DROP FUNCTION people_name_spelling_add();
DROP FUNCTION people_name_spelling_forget();
DROP FUNCTION people_name_spelling_clear();
DROP TABLE people_name_spelling;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0005_child_restricted'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='person',
            index=models.Index(django.db.models.functions.text.Upper('last_name'), django.db.models.functions.text.Upper('first_name'), models.F('id'), name='person_names_upper'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(django.db.models.functions.text.Upper('first_name'), django.db.models.functions.text.Upper('last_name'), models.F('id'), name='person_first_names_upper'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(django.db.models.functions.text.Upper('known_as'), condition=models.Q(('known_as', ''), _negated=True), name='person_known_as_upper'),
        ),
        PostgreSQLOnly(CREATE, DROP),
    ]
