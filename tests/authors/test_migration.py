"""The bylines of before (a staff account as a guide's author, printed as its display name, else
its full name) become credited authors, and go back when the migrations are reversed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("roles", "0010_guide_body_text")]
AFTER = [("roles", "0014_editors_keep_authors")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.usefixtures("latest_schema_after")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bylines_become_authors_and_come_back():
    old = migrate(BEFORE)
    User = old.get_model("auth", "User")
    Role = old.get_model("roles", "Role")
    Guide = old.get_model("roles", "Guide")
    role = Role.objects.create(name="Analyst", slug="analyst", summary="s", definition="d")

    def guide(slug, author):
        return Guide.objects.create(
            title=slug, slug=slug, first_role=role, introduction="i", author=author
        )

    shown = User.objects.create(username="writer", first_name="Priya", last_name="Raman")
    old.get_model("roles", "AuthorProfile").objects.create(user=shown, display_name="P. Raman")
    full_name = User.objects.create(username="sam", first_name="Sam", last_name="Lee")
    nameless = User.objects.create(username="login-only")
    guide("one", shown), guide("two", shown), guide("three", full_name)
    guide("four", nameless), guide("five", None)

    new = migrate(AFTER)
    Author = new.get_model("authors", "Author")
    credits = new.get_model("roles", "GuideAuthor").objects
    assert sorted(Author.objects.values_list("name", "slug", "user__username")) == [
        ("P. Raman", "p-raman", "writer"),
        ("Sam Lee", "sam-lee", "sam"),
    ]
    assert dict(credits.values_list("guide__slug", "author__name")) == {
        "one": "P. Raman",
        "two": "P. Raman",
        "three": "Sam Lee",
    }
    # Nothing printed the log-in name, and nothing does now.
    assert not Author.objects.filter(name__icontains="login").exists()

    old = migrate(BEFORE)
    Guide = old.get_model("roles", "Guide")
    assert dict(Guide.objects.values_list("slug", "author__username")) == {
        "one": "writer",
        "two": "writer",
        "three": "sam",
        "four": None,
        "five": None,
    }
    profiles = old.get_model("roles", "AuthorProfile").objects
    assert dict(profiles.values_list("user__username", "display_name")) == {
        "writer": "P. Raman",
        "sam": "Sam Lee",
    }
