"""Site search reads what guides and roles say: sections, tips and the role records a guide
shows, kept current by the editors' save path; snippets keep word boundaries and mark words."""

import re

import pytest
from django.urls import reverse

from core.textsearch.highlight import highlight_html
from core.textsearch.query import parse
from demo.guides import load_roles_and_guides
from roles.models import GuideSection, Status
from tests.factories import make_editor, make_guide, make_role
from tests.roles.admin_forms import change_form_data

pytestmark = pytest.mark.django_db

SEED_GUIDE = "/guides/deep-learning-engineer-vs-lead-machine-learning-engineer/"


def guides_found(client, text: str) -> tuple[list[str], str]:
    html = client.get("/search/", {"q": text}).text
    if 'id="guides-h"' not in html:
        return [], ""  # nothing found at all
    block = html.split('id="guides-h"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="(/guides/[^"]+/)"', block), block


def test_the_demo_guides_are_found_by_what_they_discuss(client):
    load_roles_and_guides()
    found, block = guides_found(client, "pytorch")
    assert SEED_GUIDE in found  # its tools section shows the roles' frameworks
    assert "<mark>PyTorch</mark>" in block
    found, _ = guides_found(client, "kubernetes")
    assert "/guides/mlops-engineer-vs-machine-learning-engineer/" in found  # a practical tip
    found, _ = guides_found(client, "computer vision")
    assert "/guides/what-does-a-computer-vision-engineer-do/" in found


def test_sections_tips_and_role_records_are_searched(client):
    role = make_role(name="Pipeline Role", tools="Frameworks: Zarquon")
    guide = make_guide(first_role=role, title="A guide")
    GuideSection.objects.create(guide=guide, kind="custom", heading="Extra", intro="Uses Quibble.")
    tip = guide.tips.get()
    tip.text = "Learn Frobnitz early."
    tip.save()
    guide.refresh_body()
    for word in ("zarquon", "quibble", "frobnitz"):
        found, block = guides_found(client, word)
        assert found == [guide.get_absolute_url()], word
        assert f"<mark>{word.capitalize()}</mark>" in block
    # A draft guide's text is found nowhere.
    guide.status = Status.DRAFT
    guide.save()
    found, _ = guides_found(client, "zarquon")
    assert found == []


def test_editing_a_tip_in_the_admin_updates_what_search_finds(client):
    guide = make_guide(title="Edited guide")
    editor = make_editor()
    editor_client = client.__class__()
    editor_client.force_login(editor)
    url = reverse("admin:roles_guide_change", args=[guide.pk])
    data = change_form_data(editor_client.get(url))
    data["tips-0-text"] = "Practise with Snorkelwhale daily."
    assert editor_client.post(url, data).status_code == 302
    found, _ = guides_found(client, "snorkelwhale")
    assert found == [guide.get_absolute_url()]
    # And a role's record, saved, is read again for the guides showing it.
    role = guide.first_role
    role.tools = "Frameworks: Gribblefish"
    role.save()
    found, _ = guides_found(client, "gribblefish")
    assert found == [guide.get_absolute_url()]


def test_role_snippets_come_from_the_part_of_the_record_that_matched(client):
    make_role(name="Some Role", tools="Frameworks: Quuxify, JAX\nDeployment: Docker")
    html = client.get("/search/", {"q": "quuxify"}).text
    block = html.split('id="roles-h"', 1)[1]
    assert "Frameworks: <mark>Quuxify</mark>, JAX. Deployment: Docker." in block


def test_snippets_keep_a_space_between_blocks():
    markup = (
        "<p>The first paragraph ends here.</p><p>Second one</p><ul><li>one</li><li>two</li></ul>"
    )
    snippet = highlight_html(markup, parse("second"))
    assert snippet == ("The first paragraph ends here. <mark>Second</mark> one one two")
    inline = highlight_html("<p>Py<strong>Torch</strong> and <em>JAX</em></p>", parse("pytorch"))
    assert inline == "<mark>PyTorch</mark> and JAX"  # inline tags join their words


def test_search_page_runs_the_same_queries_with_body_text(client, django_assert_max_num_queries):
    load_roles_and_guides()
    with django_assert_max_num_queries(4):
        assert client.get("/search/", {"q": "pytorch"}).status_code == 200
