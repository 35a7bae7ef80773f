"""A published guide about a role that was taken down names it, but prints none of its text,
links to none of its pages and lists it nowhere a visitor or an API client can follow."""

import pytest

from roles.models import Status
from tests.factories import make_guide, make_role

pytestmark = pytest.mark.django_db

SECRET = "A definition nobody may read yet"


@pytest.fixture
def guide():
    shown = make_role(name="Data Engineer", slug="data-engineer", broader_titles="")
    hidden = make_role(
        name="Hidden Role",
        slug="hidden-role",
        definition=SECRET,
        responsibilities="Secret duty",
        broader_titles="Hidden Broader Title",
        status=Status.DRAFT,
    )
    return make_guide(first_role=shown, second_role=hidden, title="Data Engineer vs Hidden Role")


def test_the_page_prints_none_of_the_unpublished_roles_text(client, guide):
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Data Engineer vs Hidden Role" in html
    assert SECRET not in html and "Secret duty" not in html
    assert "/roles/hidden-role/" not in html
    assert "Hidden Broader Title" not in html and "/salaries/hidden-role/" not in html


def test_the_api_gives_none_of_it_either(client, guide):
    data = client.get(f"/api/v1/guides/{guide.slug}/").json()
    assert [role["slug"] for role in data["roles"]] == ["data-engineer"]
    assert SECRET not in str(data) and "Secret duty" not in str(data)
    listed = client.get("/api/v1/guides/").json()["results"][0]
    assert [role["slug"] for role in listed["roles"]] == ["data-engineer"]
