"""A new company whose name a reader would take for one on the board is held for review, with
the existing company named: at sign-up and in the admin."""

import pytest
from django.urls import reverse

from jobs import moderation
from jobs.lookalikes import name_skeleton
from jobs.models import Company, CompanyEvent
from tests.factories import make_company

from .helpers import PASSWORD, SIGN_UP_URL, client_for, make_employer, make_moderator, make_pending

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:jobs_company_changelist")

LOOK_ALIKES = {
    "spacing": "Open AI   Labs",
    "punctuation": "Open-AI Labs.",
    "cyrillic o": "\u041epenAI Labs",  # Cyrillic capital О
    "cyrillic small o": "Open\u0410I Lab\u0455",  # Cyrillic А and ѕ
    "greek omicron": "\u039fpenAI Labs",  # Greek capital Ο
    "digit zero for O": "0penAI Labs",
    "digit one for I": "OpenA1 Labs",
    "small l for I": "OpenAl Labs",
    "full-width letters": "\uff2f\uff50\uff45\uff4e\uff21\uff29 \uff2c\uff41\uff42\uff53",
    "accent": "\u00d3penAI Labs",
}


@pytest.mark.parametrize("name", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_confusable_names_share_a_skeleton(name):
    assert name_skeleton(name) == name_skeleton("OpenAI Labs")


def test_rn_passes_for_m():
    assert name_skeleton("Rnodern Data") == name_skeleton("Modern Data")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Data Labs", "Deep Labs"),
        ("OpenAI Lab", "OpenAI Labs"),
        ("Acme", "Acne"),
        ("Lumen", "Lumina"),
    ],
)
def test_different_names_do_not(one, other):
    assert name_skeleton(one) != name_skeleton(other)


def test_a_name_of_no_latin_looking_letters_matches_nothing():
    make_company(name="株式会社")
    assert Company.objects.look_alike("合同会社") is None


def sign_up(client, capture, name: str, email: str = "eve@impostor.example"):
    data = {
        "email": email,
        "password": PASSWORD,
        "company_name": name,
        "company_website": "https://impostor.example",
        "nickname": "",
    }
    with capture(execute=True):
        return client.post(SIGN_UP_URL, data)


@pytest.mark.parametrize("name", [*LOOK_ALIKES.values(), "Rnodern Labs"], ids=[*LOOK_ALIKES, "rn"])
def test_signing_up_as_a_look_alike_is_held_with_the_existing_company_named(
    client, django_capture_on_commit_callbacks, name
):
    existing = make_company(name="Modern Labs" if name == "Rnodern Labs" else "OpenAI Labs")
    response = sign_up(client, django_capture_on_commit_callbacks, name)
    assert response.status_code == 302  # the account is made
    new = Company.objects.exclude(pk=existing.pk).get()
    assert new.looks_like == existing
    assert new.is_held
    event = new.events.get()
    assert event.kind == CompanyEvent.Kind.HELD
    assert existing.name in event.note
    # The moderators see it in the company list and on the company's page.
    moderator = client_for(make_moderator())
    listing = moderator.get(CHANGELIST + "?held=yes").text
    assert "Held for review: looks like" in listing
    assert existing.name in listing
    page = moderator.get(reverse("admin:jobs_company_change", args=[new.pk])).text
    assert "looks like" in page and existing.name in page


def test_a_name_differing_only_in_case_never_makes_a_second_company(
    client, django_capture_on_commit_callbacks
):
    make_company(name="OpenAI Labs", website="https://openai-labs.example")
    response = sign_up(client, django_capture_on_commit_callbacks, "OPENAI labs")
    assert response.status_code == 200
    assert "OpenAI Labs is already on the board" in response.text
    assert Company.objects.count() == 1


def test_a_different_name_is_not_held(client, django_capture_on_commit_callbacks):
    make_company(name="Deep Labs")
    sign_up(client, django_capture_on_commit_callbacks, "Data Labs")
    new = Company.objects.get(name="Data Labs")
    assert not new.is_held
    assert not new.events.exists()


def test_a_held_companys_postings_wait_for_a_moderator(client, django_capture_on_commit_callbacks):
    existing = make_company(name="OpenAI Labs")
    held = make_company(name="0penAI Labs")
    held.looks_like = existing
    held.save()
    employer = make_employer(company=held)
    job = make_pending(held)
    moderator = make_moderator()
    dashboard = client_for(employer.user).get(reverse("employers:dashboard")).text
    assert "Your company is waiting for a check" in dashboard
    queue = client_for(moderator).get(reverse("admin:jobs_jobforreview_changelist")).text
    assert "Company held: its name looks like another company" in queue

    with pytest.raises(moderation.NotAllowed, match="held for review"):
        moderation.approve(job, moderator)

    # The moderator clears it, with a reason, and the posting may go live.
    admin = client_for(moderator)
    action = {"action": "clear_look_alike", "_selected_action": [held.pk]}
    admin.post(CHANGELIST, {**action, "note": ""})
    assert Company.objects.get(pk=held.pk).is_held  # no reason, no change
    admin.post(CHANGELIST, {**action, "note": "A bakery in Porto; nothing to do with AI."})
    held.refresh_from_db()
    assert not held.is_held
    cleared = held.events.get(kind=CompanyEvent.Kind.CLEARED)
    assert cleared.actor == moderator
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(job, moderator)
    job.refresh_from_db()
    assert job.is_public


def test_adding_a_look_alike_in_the_admin_holds_it_too():
    existing = make_company(name="OpenAI Labs")
    admin = client_for(make_moderator())
    data = {
        "name": "0penAI Labs",
        "slug": "0penai-labs",
        "website": "",
        "description": "",
    }
    response = admin.post(reverse("admin:jobs_company_add"), data, follow=True)
    assert "“0penAI Labs” looks like “OpenAI Labs”: it is held for review" in response.text
    assert Company.objects.get(slug="0penai-labs").looks_like == existing


def test_the_skeleton_is_stored_and_indexed():
    company = make_company(name="ＯｐｅｎＡＩ Labs")
    assert Company.objects.filter(pk=company.pk).values_list("name_skeleton", flat=True).get() == (
        "openallabs"
    )
    assert Company._meta.get_field("name_skeleton").db_index
    company.name = "Beta Works"
    company.save(update_fields=["name"])
    assert Company.objects.get(pk=company.pk).name_skeleton == "betaworks"
