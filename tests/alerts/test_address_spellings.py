"""One mailbox, many spellings: invisible characters, compatibility forms, the domain's case or
script, quotes. Each spelling the mail server delivers to one mailbox is one address to the
form, the cap of alerts and the rate limits; what cannot be sent is refused with a message."""

import pytest
from django.core import mail

from alerts import services
from alerts.addresses import AddressProblem, mailbox_key, normalize_address
from alerts.models import Alert, Subscriber

from .helpers import CREATE_URL, SITE

pytestmark = pytest.mark.django_db

# Each is delivered to grace@hopper.example (the mail backend IDNA-encodes the domain, which
# drops invisible characters, folds width and case; a quoted plain local part is the same).
SPELLINGS = [
    "grace@hopper.example",
    "grace@hop\u200bper.example",  # zero-width space
    "grace@hopper\u200d.example",  # zero-width joiner
    "grace@hop\u00adper.example",  # soft hyphen
    "grace\u200c@hopper.example",  # zero-width non-joiner in the local part
    "\ufeffgrace@hopper.example",  # a byte-order mark pasted in front
    "grace@ＨＯＰＰＥＲ.example",  # full-width letters
    "ｇｒａｃｅ＠hopper.example",  # full-width local part and at sign
    "grace@HOPPER.EXAMPLE",
    '"grace"@hopper.example',
    '"gr\\ace"@hopper.example',
]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def post(client, capture, email, search="", **extra):
    data = {"email": email, "frequency": "daily", "search": search, **extra}
    with capture(execute=True):
        return client.post(CREATE_URL, data)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_one_mailbox_is_one_address(spelling):
    assert normalize_address(spelling) == "grace@hopper.example"
    assert mailbox_key(spelling) == "grace@hopper.example"


def test_ligatures_and_other_scripts_of_the_domain_are_one_address():
    assert normalize_address("grace@hopper.ex\ufb03") == "grace@hopper.exffi"
    # The domain's Unicode and ASCII (IDNA) spellings are one domain.
    assert normalize_address("grace@Bücher.example") == "grace@xn--bcher-kva.example"
    assert normalize_address("grace@xn--bcher-kva.example") == "grace@xn--bcher-kva.example"
    # The Kelvin sign and the long s pass Django's e-mail check (case-insensitive matching) and
    # then fail in the mail backend; NFKC makes them the letters they stand for.
    assert normalize_address("gra\u017fe@hopper.example") == "grase@hopper.example"
    assert normalize_address("\u212aay@hopper.example") == "Kay@hopper.example"


def test_a_subaddress_counts_against_its_mailbox():
    assert mailbox_key("grace+jobs@hopper.example") == "grace@hopper.example"
    assert normalize_address("grace+jobs@hopper.example") == "grace+jobs@hopper.example"


@pytest.mark.parametrize(
    "address",
    [
        "grace@hopper.example\u202e",  # right-to-left override
        '"gr\x01ace"@hopper.example',  # a control character, allowed in a quoted local part
        "grace@hopper\x00.example",
        "grace@hop\u2028per.example",  # line separator
        "gr\u200face@hopper.example",  # right-to-left mark
    ],
)
def test_control_and_invisible_characters_left_are_refused(address):
    with pytest.raises(AddressProblem, match="invisible or control characters"):
        normalize_address(address)


def test_a_local_part_that_needs_its_quotes_is_refused():
    with pytest.raises(AddressProblem, match="without quotation marks"):
        normalize_address('"grace hopper"@hopper.example')


def test_the_form_says_why_it_refuses_an_invisible_character(
    client, django_capture_on_commit_callbacks
):
    typed = "grace@hopper.example\u202e"
    response = post(client, django_capture_on_commit_callbacks, typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "invisible or control characters" in html
    assert 'value="grace@hopper.example\u202e"' in html, "the form keeps what was typed"
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_spellings_do_not_escape_the_cap_of_alerts_per_address(
    client, django_capture_on_commit_callbacks
):
    """Before: each spelling was its own Subscriber with its own 20 alerts, all delivered to
    the one mailbox."""
    for n in range(services.MAX_ALERTS):
        services.save_search(
            address="grace@hopper.example", query=f"q=w{n}", description="Jobs", frequency="daily"
        )
    mail.outbox.clear()
    for n, spelling in enumerate(SPELLINGS[1:5]):
        response = post(client, django_capture_on_commit_callbacks, spelling, search=f"q=x{n}")
        assert response.status_code == 302
    assert Subscriber.objects.count() == 1
    assert Alert.objects.count() == services.MAX_ALERTS
    assert {m.subject for m in mail.outbox} == {"You have 20 job alerts already"}
    assert {tuple(m.to) for m in mail.outbox} == {("grace@hopper.example",)}


def test_spellings_do_not_escape_the_limit_per_address(client, django_capture_on_commit_callbacks):
    """Five saves a day per mailbox, however it is spelt (each one mails its owner)."""
    answers = [
        post(client, django_capture_on_commit_callbacks, spelling, search=f"q=s{n}").status_code
        for n, spelling in enumerate(SPELLINGS[:6])
    ]
    assert answers == [302] * 5 + [429]
    answer = post(client, django_capture_on_commit_callbacks, "grace+more@hopper.example")
    assert answer.status_code == 429, "a subaddress counts against its mailbox"


def test_the_address_is_stored_and_mailed_in_its_one_spelling(
    client, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks, '"Grace"@ＨＯＰ\u00adＰＥＲ.example')
    assert Subscriber.objects.get().email == "Grace@hopper.example"
    [message] = mail.outbox
    assert message.to == ["Grace@hopper.example"]


def test_an_international_domain_is_shown_as_written():
    services.save_search(
        address="grace@bücher.example", query="", description="Jobs", frequency="daily"
    )
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "grace@xn--bcher-kva.example"
    assert subscriber.masked_email == "g***@bücher.example"
