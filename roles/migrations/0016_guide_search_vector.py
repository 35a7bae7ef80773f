"""A stored search vector for guides, kept current by the database (as jobs have one,
jobs/migrations/0005_job_search).

Built on the fly, the vector read every published guide's whole text (the body too, since
site search looks in it) for every search: 300–450 ms for 200 guides on PostgreSQL, the
slowest first view on the site. On PostgreSQL a trigger fills `search_vector` on every insert
and on every update of the searched columns (saves, `update()` such as the body's refresh,
`bulk_create`, plain SQL), and renaming a role refreshes the guides about it. On SQLite the
column stays empty (search falls back to matching text).
"""

import django.contrib.postgres.search
from django.db import migrations

from core.postgres_sql import on_postgresql

# The weights and configuration must match core/textsearch/engine.py and GUIDE_SEARCH_FIELDS
# (each weight's fields joined by spaces, as Django's SearchVector joins them).
CREATE = """
CREATE FUNCTION roles_guide_search_vector_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('english',
            coalesce(NEW.subtitle, '') || ' '
            || coalesce((SELECT name FROM roles_role WHERE id = NEW.first_role_id), '') || ' '
            || coalesce((SELECT name FROM roles_role WHERE id = NEW.second_role_id), '')), 'B')
        || setweight(to_tsvector('english',
            coalesce(NEW.introduction, '') || ' ' || coalesce(NEW.outlook, '') || ' '
            || coalesce(NEW.conclusion, '') || ' ' || coalesce(NEW.body_text, '')), 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER roles_guide_search_vector
    BEFORE INSERT OR UPDATE OF title, subtitle, introduction, outlook, conclusion, body_text,
        first_role_id, second_role_id, search_vector
    ON roles_guide FOR EACH ROW EXECUTE FUNCTION roles_guide_search_vector_fill();

CREATE FUNCTION roles_role_guide_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE roles_guide SET search_vector = NULL
        WHERE first_role_id = NEW.id OR second_role_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER roles_role_guide_search_vector
    AFTER UPDATE OF name ON roles_role FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION roles_role_guide_search_vector_refresh();

UPDATE roles_guide SET search_vector = NULL;
"""

DROP = """
DROP TRIGGER IF EXISTS roles_role_guide_search_vector ON roles_role;
DROP FUNCTION IF EXISTS roles_role_guide_search_vector_refresh();
DROP TRIGGER IF EXISTS roles_guide_search_vector ON roles_guide;
DROP FUNCTION IF EXISTS roles_guide_search_vector_fill();
"""


class Migration(migrations.Migration):
    dependencies = [("roles", "0015_guide_hero_image")]

    operations = [
        migrations.AddField(
            model_name="guide",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, serialize=False
            ),
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP)),
    ]
