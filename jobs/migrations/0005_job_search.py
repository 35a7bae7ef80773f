"""Full-text search for jobs: a weighted vector column, kept current by the database.

On PostgreSQL a trigger fills `search_vector` on every insert and on every update of the title,
skills, description, company or role, so saves, bulk imports (`bulk_create`), `update()` and
plain SQL all keep it current; renaming a company or a role, or publishing or unpublishing a
role, refreshes their postings. A generated column cannot do this: it may only read its own row,
and the company's and role's names live in other tables. A GIN index
serves the `@@` matches. On SQLite the column stays empty (search falls back to matching text).
"""

import django.contrib.postgres.search
from django.db import migrations

# The weights and text search configuration must match search/engine.py and JOB_SEARCH_FIELDS.
CREATE = """
CREATE FUNCTION jobs_job_search_vector_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(
            (SELECT name FROM jobs_company WHERE id = NEW.company_id), '')), 'B')
        || setweight(to_tsvector('english', coalesce(
            (SELECT name FROM roles_role WHERE id = NEW.role_id AND status = 'published'), '')), 'B')
        || setweight(to_tsvector('english', coalesce(NEW.skills, '')), 'B')
        || setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER jobs_job_search_vector
    BEFORE INSERT OR UPDATE OF title, skills, description, company_id, role_id, search_vector
    ON jobs_job FOR EACH ROW EXECUTE FUNCTION jobs_job_search_vector_fill();

CREATE FUNCTION jobs_company_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE jobs_job SET search_vector = NULL WHERE company_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_company_search_vector
    AFTER UPDATE OF name ON jobs_company FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION jobs_company_search_vector_refresh();

CREATE FUNCTION jobs_role_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE jobs_job SET search_vector = NULL WHERE role_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_role_search_vector
    AFTER UPDATE OF name, status ON roles_role FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION jobs_role_search_vector_refresh();

UPDATE jobs_job SET search_vector = NULL;

CREATE INDEX job_search ON jobs_job USING gin (search_vector);
"""

DROP = """
DROP INDEX IF EXISTS job_search;
DROP TRIGGER IF EXISTS jobs_role_search_vector ON roles_role;
DROP FUNCTION IF EXISTS jobs_role_search_vector_refresh();
DROP TRIGGER IF EXISTS jobs_company_search_vector ON jobs_company;
DROP FUNCTION IF EXISTS jobs_company_search_vector_refresh();
DROP TRIGGER IF EXISTS jobs_job_search_vector ON jobs_job;
DROP FUNCTION IF EXISTS jobs_job_search_vector_fill();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0004_moderators_see_history"),
        ("roles", "0002_editors_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="job",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP)),
    ]
