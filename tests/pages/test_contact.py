"""The contact form: a message is stored for the editors' inbox and e-mailed to them; the
honeypot, the rate limit and a form sent twice; the inbox in the admin."""

import uuid

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core import ratelimit
from pages.models import ContactMessage, Page, Slug
from pages.services import KEEP_HANDLED_MESSAGES, remove_old_messages
from tests.employers.helpers import client_for
from tests.factories import directives, make_editor

pytestmark = pytest.mark.django_db

INBOX_URL = reverse("admin:pages_contactmessage_changelist")


@pytest.fixture(autouse=True)
def contact_page():
    page = Page(slug=Slug.CONTACT, title="Contact us", body="Write to us.")
    page.save()
    return page


def form_data(**overrides) -> dict:
    data = {
        "name": "Ada Reader",
        "email": "ada@example.com",
        "subject": "A pay figure looks wrong",
        "message": "The data engineer median in Berlin seems too high.",
        "nickname": "",
        "token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_the_contact_page_shows_its_text_and_the_form(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/contact/")
    html = response.content.decode()
    assert "Write to us." in html
    for label in ["Your name", "Your e-mail", "Subject", "Message"]:
        assert label in html
    assert "no-store" in directives(response["Cache-Control"])  # it carries a CSRF token


def test_a_message_is_stored_and_emailed_to_the_editors(
    client, settings, django_capture_on_commit_callbacks
):
    editor = make_editor()
    editor.email = "editor@example.com"
    editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", form_data())
    assert response.status_code == 302 and response["Location"] == reverse("pages:contact-sent")
    assert "your message is on its way" in client.get(response["Location"]).content.decode()
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.is_handled) == (
        "Ada Reader",
        "ada@example.com",
        False,
    )
    (sent,) = mail.outbox
    assert sent.to == ["editor@example.com"]
    assert sent.subject == "Contact form: A pay figure looks wrong"
    assert "The data engineer median in Berlin seems too high." in sent.body
    assert sent.extra_headers["Reply-To"] == "ada@example.com"


def test_contact_email_setting_names_the_recipients(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_EMAIL = ["team@example.com", "desk@example.com"]
    make_editor()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/contact/", form_data())
    assert sorted(m.to[0] for m in mail.outbox) == ["desk@example.com", "team@example.com"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "nobody"}, "email"),
        ({"subject": ""}, "subject"),
        ({"message": ""}, "message"),
        ({"message": "x" * 5001}, "message"),
        ({"nickname": "bot"}, "nickname"),
        # A fake "From:" written above the site's own lines, or a bare CR the mailer refuses.
        ({"subject": "Question\nFrom: The Site Admin <admin@site>\n\nReset it"}, "subject"),
        ({"subject": "Question\rBcc: x@evil.test"}, "subject"),
        ({"name": "Eve\r\nBcc: x@evil.test"}, "name"),
        ({"name": "Eve\u2028Admin"}, "name"),
    ],
)
def test_the_form_says_what_to_correct_and_stores_nothing(client, overrides, field):
    response = client.post("/contact/", form_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_the_same_form_sent_twice_stores_one_message(client, django_capture_on_commit_callbacks):
    make_editor().__class__.objects.filter(username="ed").update(email="ed@example.com")
    data = form_data()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/contact/", data)
        client.post("/contact/", data)
    assert ContactMessage.objects.count() == 1
    assert len(mail.outbox) == 1


def test_messages_are_limited_per_network(client):
    for _ in range(ratelimit.CONTACT.count):
        assert client.post("/contact/", form_data()).status_code == 302
    response = client.post("/contact/", form_data())
    assert response.status_code == 429
    assert "Too many messages" in response.content.decode()
    assert ContactMessage.objects.count() == ratelimit.CONTACT.count


def test_editors_read_the_inbox_and_mark_messages_handled(client):
    client.post("/contact/", form_data(subject="Older"))
    client.post("/contact/", form_data(subject="Newer"))
    editor_user = make_editor()
    editor = client_for(editor_user)
    inbox = editor.get(INBOX_URL).content.decode()
    assert inbox.index("Newer") < inbox.index("Older")
    older = ContactMessage.objects.get(subject="Older")
    page = editor.get(reverse("admin:pages_contactmessage_change", args=[older.pk]))
    assert "The data engineer median in Berlin seems too high." in page.content.decode()
    editor.post(
        INBOX_URL,
        {"action": "mark_handled", ACTION_CHECKBOX_NAME: [older.pk], "index": 0},
    )
    older.refresh_from_db()
    assert older.is_handled and older.handled_by == editor_user
    # Handled messages go to the end of the inbox.
    inbox = editor.get(INBOX_URL).content.decode()
    assert inbox.index("Newer") < inbox.index("Older")
    unhandled = editor.get(INBOX_URL + "?handled=no").content.decode()
    assert "Newer" in unhandled and "Older" not in unhandled


def test_handled_messages_are_removed_after_a_year(client):
    client.post("/contact/", form_data(subject="Old"))
    client.post("/contact/", form_data(subject="Recent"))
    client.post("/contact/", form_data(subject="Open"))
    now = timezone.now()
    ContactMessage.objects.filter(subject="Old").update(
        handled_at=now - KEEP_HANDLED_MESSAGES - timezone.timedelta(days=1)
    )
    ContactMessage.objects.filter(subject="Recent").update(handled_at=now)
    assert remove_old_messages() == "removed 1 old contact message(s)"
    assert set(ContactMessage.objects.values_list("subject", flat=True)) == {"Recent", "Open"}
