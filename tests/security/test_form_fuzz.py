"""Hostile values in every field of every form on the site, posted as a browser would.

Each form gets random and hostile text (markup, SQL, 100 kB strings, NUL bytes, lone
surrogates, direction overrides, emoji) in any of its fields, URL-encoded or as multipart, over
otherwise valid data so that the deeper checks run too. Every answer is the form again (200) or a
redirect, never a 5xx, and nothing that was saved comes back as live markup on the pages that
show it. Raw bytes that are not UTF-8 at all are refused the same way.
"""

import itertools
from urllib.parse import quote_from_bytes

import pytest
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core import ratelimit
from employers.forms import JOB_FORM_SECTIONS
from employers.models import ApiToken, Employer
from jobs import moderation
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, SalaryPeriod, Workplace
from jobs.models import Job
from tests.employers.helpers import (
    DASHBOARD_URL,
    LOG_IN_URL,
    NEW_URL,
    PASSWORD,
    SIGN_UP_URL,
    job_data,
    make_draft,
    make_employer,
    make_moderator,
)
from tests.factories import make_company, make_job, make_role
from tests.jobs.test_admin import png_bytes
from tests.security.test_hostile_input import (
    HOSTILE,
    IMG,
    SCRIPT,
    SVG,
    assert_no_live_markup,
    html_in_feed,
)

pytestmark = pytest.mark.django_db

FORM_FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PASSWORD_RESET_URL = reverse("employers:password-reset")
VERIFY_AGAIN_URL = reverse("employers:verify-again")
COMPANY_URL = reverse("employers:company")
TOKENS_URL = reverse("employers:api-tokens")
SEARCH_URL = reverse("search")

# What the shared list lacks: lone surrogates (not even encodable as UTF-8: they go out as the
# bytes UTF-8 would give them), values long enough to pass a form but not a column, markup
# closing the attribute or element the value is echoed into.
MORE_HOSTILE = [
    "\ud800",
    "a\udfffb",
    "\udc80\udcff" * 50,
    "\u202e<script>alert(1)</script>\u202c",
    "\u2066\u2067\u2068\u2069\u200f\u200e",
    "🧑🏽\u200d🚀" * 40,
    "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    '" autofocus onfocus="alert(1)',
    "' onmouseover='alert(1)",
    "</textarea><script>alert(1)</script>",
    '</option></select><img src=x onerror="alert(1)">',
    "<!--",
    "]]>",
    "a" * 200 + "@example.com",
    "x@" + "a" * 60 + "." + "b" * 60 + "." + "c" * 60 + ".com",
    "https://example.com/" + "a" * 300,
    "https://example.com/?q=<script>alert(1)</script>",
    "https://" + "a" * 63 + "." + "b" * 63 + "." + "c" * 63 + ".com/",
    "javascript://example.com/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://[::1]:80/",
    "http://127.0.0.1/",
    "https://exa\u0000mple.com",
    "evil@evil.example\r\nBcc: victim@example.com",
    "2147483648",
    "9223372036854775808",
    "1" * 30,
    "0",
    "1.5",
    " 42 ",
    "٤٢",  # Arabic-Indic digits: int() accepts them
    "𝟗𝟗",  # mathematical digits, also digits to int()
]
HOSTILE_VALUES = [*HOSTILE, *MORE_HOSTILE, SCRIPT, IMG, SVG]

odd_text = st.text(
    alphabet=st.characters(categories=["Cs", "Cf", "Cc", "Mn", "So", "Co", "Zl", "Zp"]),
    max_size=40,
)
hostile = st.sampled_from(HOSTILE_VALUES) | st.text(max_size=300) | odd_text
# None leaves a field out of the post altogether.
hostile_or_missing = hostile | st.none()


def plausible(*values: str):
    """Valid values of a field mixed with hostile ones, so both the checks and the saving run."""
    return st.sampled_from(values) | hostile_or_missing


JOB_FIELDS = [name for _, names in JOB_FORM_SECTIONS for name in names]
JOB_VALUES = {
    "role": plausible("", "ROLE", "0", "-1", "999999999999"),
    "employment_type": plausible(*EmploymentType.values),
    "experience_level": plausible(*ExperienceLevel.values),
    "workplace": plausible(*Workplace.values),
    "country": plausible("DE", "US", "GB", "XK", "ZZ", "de", "EU"),
    "salary_min": plausible("1", "50000", "2147483647", "100000000", "-1", "1e5"),
    "salary_max": plausible("1", "150000", "2147483647", "4294967296", "1e400", "NaN"),
    "salary_currency": plausible("USD", "EUR", "GBP", "XXX", "usd"),
    "salary_period": plausible(*SalaryPeriod.values),
    "apply_url": plausible("https://careers.example/ml", "ftp://x.example", "//x.example"),
    "apply_email": plausible("jobs@example.com", "JOBS@EXAMPLE.COM", "a@b"),
    "city": plausible("Berlin", ""),
}
job_changes = st.fixed_dictionaries(
    {}, optional={name: JOB_VALUES.get(name, hostile_or_missing) for name in JOB_FIELDS}
)
encodings = st.sampled_from(["urlencoded", "multipart"])


# --- sending ------------------------------------------------------------------------------------

BOUNDARY = "fuzz-7d1c0a5b3e9f4c2a"


def _bytes(value: str) -> bytes:
    # Lone surrogates go out as the (invalid) bytes UTF-8 would spell them.
    return value.encode("utf-8", "surrogatepass")


def _filename(name: str) -> bytes:
    # As browsers send it: quotes and line breaks escaped, the rest as typed.
    escaped = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    return _bytes(escaped)


def encode(fields: dict, encoding: str, files: dict | None = None) -> tuple[bytes, str]:
    """A form body, as bytes, from fields whose values may be None (left out)."""
    pairs = [(name, value) for name, value in fields.items() if value is not None]
    if encoding == "urlencoded" and not files:
        body = "&".join(
            f"{quote_from_bytes(_bytes(name))}={quote_from_bytes(_bytes(value))}"
            for name, value in pairs
        )
        return body.encode("ascii"), "application/x-www-form-urlencoded"
    body = bytearray()
    for name, value in pairs:
        body += b"--" + BOUNDARY.encode() + b"\r\n"
        body += b'Content-Disposition: form-data; name="' + _filename(name) + b'"\r\n\r\n'
        body += _bytes(value) + b"\r\n"
    for name, (filename, content) in (files or {}).items():
        body += b"--" + BOUNDARY.encode() + b"\r\n"
        body += b'Content-Disposition: form-data; name="' + _filename(name) + b'"; filename="'
        body += _filename(filename) + b'"\r\nContent-Type: image/png\r\n\r\n'
        body += content + b"\r\n"
    body += b"--" + BOUNDARY.encode() + b"--\r\n"
    return bytes(body), f"multipart/form-data; boundary={BOUNDARY}"


def post(client: Client, url: str, fields: dict, encoding: str, files: dict | None = None):
    body, content_type = encode(fields, encoding, files)
    return client.generic("POST", url, data=body, content_type=content_type)


def page_text(response) -> str:
    return response.content.decode("utf-8", "replace")


def answered(response, where: str, allowed=(200, 302)) -> None:
    """No server error, no rate limit in the way, and any page shown holds no live markup."""
    assert response.status_code < 500, f"{response.status_code} on {where}"
    assert response.status_code in allowed, f"{response.status_code} on {where}"
    if response.status_code == 400:
        assert "We could not understand that request" in page_text(response), where
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert_no_live_markup(page_text(response), where)


def shows_inert(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = page_text(response)
    assert_no_live_markup(html, url)
    return html


def fits_its_columns(record) -> None:
    """Every value saved fits its column: SQLite stores a longer one, PostgreSQL refuses it."""
    for field in record._meta.concrete_fields:
        value = getattr(record, field.attname)
        if field.max_length and isinstance(value, str):
            assert len(value) <= field.max_length, f"{record!r}.{field.name}: {len(value)} chars"
        if isinstance(value, str):
            assert "\x00" not in value, f"NUL in {record!r}.{field.name}"


def forget_attempts() -> None:
    """Each example starts with no rate-limit counts (the limits have tests of their own)."""
    caches["ratelimit"].clear()
    ratelimit._fallback.clear()


def logged_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def role():
    return make_role(name="Data Engineer", slug="data-engineer")


@pytest.fixture
def employer():
    return make_employer()


@pytest.fixture
def acme():
    """A company on the board, that signing up with its name tries to join."""
    return make_company(name="Acme Analytics", website="https://acme.example")


@pytest.fixture
def moderator():
    return make_moderator()


# --- the account forms ----------------------------------------------------------------------

_numbers = itertools.count(1)


@FORM_FUZZ
@given(
    changes=st.fixed_dictionaries(
        {},
        optional={
            "email": hostile_or_missing,
            "password": plausible(PASSWORD, "short", "12345678901234"),
            "company_name": plausible("Acme Analytics", "acme analytics", "  Spaced   Out  "),
            "company_website": plausible("https://acme.example", "acme.example", ""),
            "nickname": plausible(""),
        },
    ),
    encoding=encodings,
)
@example(changes={"email": "a" * 200 + "@example.com"}, encoding="urlencoded")
@example(changes={"company_website": "https://example.com/" + "a" * 300}, encoding="urlencoded")
@example(changes={"company_name": SCRIPT, "company_website": ""}, encoding="multipart")
@example(changes={"company_name": "🚀🔥", "company_website": ""}, encoding="urlencoded")
@example(changes=dict.fromkeys(["email", "password", "company_name"], "\x00"), encoding="multipart")
def test_sign_up(acme, changes, encoding):
    forget_attempts()
    n = next(_numbers)
    fields = {
        "email": f"person{n}@fuzz{n}.example",
        "password": PASSWORD,
        "company_name": f"Fuzz Company {n}",
        "company_website": "",
        "nickname": "",
        **changes,
    }
    client = Client(raise_request_exception=False)
    response = post(client, SIGN_UP_URL, fields, encoding)
    answered(response, f"sign-up with {changes!r}"[:300])
    if response.status_code == 302:  # signed up: once logged in, the name shows on every page
        assert response["Location"] == reverse("employers:sign-up-sent")
        employer = Employer.objects.select_related("user", "company").latest("pk")
        client.force_login(employer.user)
        fits_its_columns(employer.user)
        fits_its_columns(employer.company)
        shows_inert(client, DASHBOARD_URL)
        shows_inert(client, COMPANY_URL)
        shows_inert(client, reverse("employers:home"))


@FORM_FUZZ
@given(
    changes=st.fixed_dictionaries(
        {}, optional={"username": hostile_or_missing, "password": plausible(PASSWORD, "")}
    ),
    encoding=encodings,
    known_account=st.booleans(),
)
@example(changes={"username": SCRIPT, "password": "\x00"}, encoding="urlencoded", known_account=1)
@example(changes={"password": "x" * 100_000}, encoding="multipart", known_account=True)
def test_log_in(employer, changes, encoding, known_account):
    forget_attempts()
    email = employer.user.email if known_account else "nobody@example.com"
    fields = {"username": email, "password": "wrong password", **changes}
    response = post(Client(raise_request_exception=False), LOG_IN_URL, fields, encoding)
    answered(response, f"log-in with {changes!r}"[:300])


@FORM_FUZZ
@given(email=hostile_or_missing, encoding=encodings, extra=hostile_or_missing)
@example(email="x" * 100_000, encoding="urlencoded", extra=None)
@example(email="evil@evil.example\r\nBcc: victim@example.com", encoding="multipart", extra=None)
def test_password_reset_request(employer, email, encoding, extra, mailoutbox):
    forget_attempts()
    fields = {"email": email, "extra": extra}
    response = post(Client(raise_request_exception=False), PASSWORD_RESET_URL, fields, encoding)
    answered(response, f"password reset with {email!r}"[:300])
    for message in mailoutbox:  # only ever to the account's own address
        assert message.to == [employer.user.email]


@FORM_FUZZ
@given(fields=st.dictionaries(hostile, hostile, max_size=4), encoding=encodings)
def test_resend_confirmation(fields, encoding):
    forget_attempts()
    unconfirmed = make_employer(verified=False)
    response = post(logged_in(unconfirmed.user), VERIFY_AGAIN_URL, fields, encoding)
    answered(response, f"resend confirmation with {fields!r}"[:300], allowed=(302,))


# --- the posting form -----------------------------------------------------------------------


def every_field(value) -> dict:
    return dict.fromkeys(JOB_FIELDS, value)


def _resolve_role(changes: dict, role) -> dict:
    return {name: str(role.pk) if value == "ROLE" else value for name, value in changes.items()}


def check_saved_job(client: Client, job: Job, moderator) -> None:
    """Wherever the employer and, once approved, anyone sees the posting: nothing live."""
    fits_its_columns(job)
    fits_its_columns(job.company)
    shows_inert(client, reverse("employers:preview", args=[job.pk]))
    shows_inert(client, DASHBOARD_URL)
    shows_inert(client, reverse("employers:edit", args=[job.pk]))
    if job.status == JobStatus.DRAFT:
        try:
            moderation.submit(job, job.created_by)
        except ValidationError:  # what the preview lists as still missing (no way to apply, ...)
            return
        moderation.approve(job, moderator)
    visitor = Client(raise_request_exception=False)
    shows_inert(visitor, job.get_absolute_url())
    shows_inert(visitor, f"/jobs/?company={job.company.slug}")
    shows_inert(visitor, f"/search/?q={quote_from_bytes(_bytes(job.title[:50]))}")
    feed = visitor.get(f"/feeds/jobs/?company={job.company.slug}")
    assert feed.status_code == 200, (job.company.slug, feed.content)
    for html in html_in_feed(feed.content):
        assert_no_live_markup(html, "the job feed")


@FORM_FUZZ
@given(
    changes=job_changes,
    encoding=encodings,
    editing=st.booleans(),
    button=st.sampled_from(["save_draft", "preview"]),
)
@example(changes=every_field(SCRIPT), encoding="urlencoded", editing=0, button="preview")
@example(changes=every_field(IMG), encoding="multipart", editing=1, button="preview")
@example(
    changes=every_field("x" * 100_000),
    encoding="urlencoded",
    editing=0,
    button="save_draft",
)
@example(changes=every_field("\x00"), encoding="multipart", editing=0, button="preview")
@example(changes=every_field("\ud800"), encoding="urlencoded", editing=1, button="preview")
@example(changes=every_field(None), encoding="urlencoded", editing=True, button="preview")
@example(
    changes={
        "title": SCRIPT,
        "description": f"{SCRIPT}\n\n{IMG}\n\n[x](javascript:alert(1))",
        "skills": SVG,
        "workplace": "remote",
        "remote_region": IMG,
        "city": "",
        "street_address": "",
    },
    encoding="multipart",
    editing=False,
    button="preview",
)
def test_job_form(role, employer, moderator, changes, encoding, editing, button):
    forget_attempts()
    # Nor with the drafts earlier examples saved: the same posting sent again within minutes
    # is taken for a double submit and answered with the first draft (employers.recent_twin).
    Job.objects.filter(created_by=employer.user, status=JobStatus.DRAFT).delete()
    client = logged_in(employer.user)
    draft = make_draft(employer.company) if editing else None
    url = reverse("employers:edit", args=[draft.pk]) if draft else NEW_URL
    fields = {**job_data(), **_resolve_role(changes, role), button: ""}
    before = set(Job.objects.values_list("pk", flat=True))
    response = post(client, url, fields, encoding)
    answered(response, f"the posting form with {changes!r}"[:300])
    if response.status_code == 302:
        saved = Job.objects.filter(pk=draft.pk) if draft else Job.objects.exclude(pk__in=before)
        job = saved.get()
        check_saved_job(client, job, moderator)


def test_markup_in_every_text_field_is_saved_and_shown_inert(role, employer, moderator):
    """The checks above are not idle: a posting full of markup is saved, approved and shown."""
    client = logged_in(employer.user)
    markup = {
        "title": SCRIPT,
        "description": f"{SCRIPT}\n\n{IMG}\n\n[x](javascript:alert(1))\n\n{SVG}",
        "skills": f"{IMG}, {SVG}",
        "street_address": SCRIPT,
        "city": IMG,
        "region": SVG,
        "postal_code": "<b>1</b>",
        "role": str(role.pk),
    }
    response = post(client, NEW_URL, {**job_data(**markup), "preview": ""}, "multipart")
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.title == SCRIPT
    check_saved_job(client, job, moderator)
    job.refresh_from_db()
    assert job.is_public


# --- the company profile ---------------------------------------------------------------------


@FORM_FUZZ
@given(
    changes=st.fixed_dictionaries(
        {},
        optional={
            "website": plausible("https://acme.example", "acme.example", ""),
            "description": hostile_or_missing,
            "logo": hostile_or_missing,  # as text, where a file belongs
        },
    ),
    logo_name=st.none() | st.sampled_from(["logo.png", "../../logo.png"]) | hostile,
    logo_is_image=st.booleans(),
    has_website=st.booleans(),
)
@example(
    changes={"description": SCRIPT},
    logo_name=f"{SCRIPT}.png",
    logo_is_image=True,
    has_website=False,
)
@example(changes={}, logo_name="x" * 300 + ".png", logo_is_image=True, has_website=True)
@example(changes={}, logo_name="a\x00b.png", logo_is_image=True, has_website=True)
@example(changes={}, logo_name="\ud800.png", logo_is_image=True, has_website=True)
@example(changes={}, logo_name=".png", logo_is_image=True, has_website=True)
@example(changes={}, logo_name="y" * 92 + ".png", logo_is_image=True, has_website=True)
@example(changes={}, logo_name="a/b\\c:d*?<>|.PNG", logo_is_image=True, has_website=True)
def test_company_profile(moderator, changes, logo_name, logo_is_image, has_website):
    forget_attempts()
    company = make_company(website="https://acme.example" if has_website else "")
    employer = make_employer(company=company)
    client = logged_in(employer.user)
    fields = {"website": "", "description": "We build things.", **changes}
    files = {}
    if logo_name is not None:
        files["logo_upload"] = (
            logo_name,
            png_bytes() if logo_is_image else b"<svg onload=alert(1)>",
        )
    response = post(client, COMPANY_URL, fields, "multipart", files)
    # A part's headers (its file name among them) over Django's limit make the body malformed.
    header_too_long = logo_name is not None and len(_filename(logo_name)) > 900
    allowed = (400,) if header_too_long else (200, 302)
    answered(response, f"the company form with {changes!r}, logo {logo_name!r}"[:300], allowed)
    company.refresh_from_db()
    fits_its_columns(company)
    if response.status_code == 302:
        shows_inert(client, COMPANY_URL)
        shows_inert(client, DASHBOARD_URL)
        job = make_draft(company, apply_url="https://acme.example/jobs")
        check_saved_job(client, job, moderator)
    if company.logo_id:
        assert company.logo.kind == "logo"  # re-encoded into the library, never a stored file


# --- API tokens and the search box ------------------------------------------------------------


@FORM_FUZZ
@given(name=hostile_or_missing, encoding=encodings)
@example(name=SCRIPT, encoding="urlencoded")
@example(name="\x00", encoding="multipart")
@example(name="x" * 100_000, encoding="urlencoded")
def test_api_token_creation(employer, name, encoding):
    ApiToken.objects.filter(user=employer.user).delete()  # stay below the number allowed
    client = logged_in(employer.user)
    response = post(client, TOKENS_URL, {"name": name}, encoding)
    answered(response, f"the token form with {name!r}"[:300], allowed=(200,))
    for token in ApiToken.objects.filter(user=employer.user):
        fits_its_columns(token)
    if ApiToken.objects.filter(user=employer.user).exists():
        shows_inert(client, TOKENS_URL)
        revoke = reverse("employers:api-token-revoke", args=[ApiToken.objects.get().pk])
        shows_inert(client, revoke)


@pytest.fixture
def searchable(role):
    return make_job(title=f"{SCRIPT} Data Engineer", role=role, skills=IMG)


@FORM_FUZZ
@given(q=hostile, encoding=encodings, extra=hostile_or_missing)
@example(q=SCRIPT, encoding="urlencoded", extra=None)
@example(q="x" * 100_000, encoding="multipart", extra=None)
@example(q="\ud800\x00", encoding="urlencoded", extra=None)
def test_search_box(searchable, q, encoding, extra):
    """The box on the home page and /search/ sends a GET; a POST is answered like one."""
    client = Client(raise_request_exception=False)
    query = quote_from_bytes(_bytes(q))
    for url in (f"{SEARCH_URL}?q={query}", f"/jobs/?q={query}", f"/?q={query}"):
        answered(client.get(url), url[:200], allowed=(200,))
    fields = {"q": q, "extra": extra}
    answered(post(client, SEARCH_URL, fields, encoding), "POST /search/", allowed=(200,))


# --- bytes that are not UTF-8 -----------------------------------------------------------------

RAW_BODIES = [
    b"\xff\xfe\xfd",
    b"email=%ff%fe&password=\xff\xfe&company_name=\xc0\xaf",
    b"title=\xed\xa0\x80&description=\xf4\x90\x80\x80",
    b"\x00\x00\x00",
    b"a=%&b=%%&c=%ZZ&=&&",
    b"name=" + b"\xff" * 20_000,
    b"q=%ed%a0%80&username=%00&email=%c0%af",
    b"\r\n--" + BOUNDARY.encode() + b"--\r\n",
]
FORM_URLS = [
    SIGN_UP_URL,
    LOG_IN_URL,
    PASSWORD_RESET_URL,
    VERIFY_AGAIN_URL,
    NEW_URL,
    "EDIT",
    COMPANY_URL,
    TOKENS_URL,
    SEARCH_URL,
]


@pytest.fixture
def url_of(employer):
    draft = make_draft(employer.company)

    def url_of(name: str) -> str:
        return reverse("employers:edit", args=[draft.pk]) if name == "EDIT" else name

    return url_of


@pytest.mark.parametrize("url", FORM_URLS)
def test_bytes_that_are_not_utf8(employer, url_of, url):
    for content_type in (
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        f"multipart/form-data; boundary={BOUNDARY}",
        "multipart/form-data",  # no boundary
        "text/plain",
    ):
        for body in RAW_BODIES:
            for client in (logged_in(employer.user), Client(raise_request_exception=False)):
                forget_attempts()
                response = client.generic("POST", url_of(url), data=body, content_type=content_type)
                answered(response, f"{url} {content_type} {body[:40]!r}", allowed=(200, 302, 400))


@FORM_FUZZ
@given(url=st.sampled_from(FORM_URLS), body=st.binary(max_size=300), multipart=st.booleans())
def test_random_bytes_as_the_body(employer, url_of, url, body, multipart):
    forget_attempts()
    content_type = (
        f"multipart/form-data; boundary={BOUNDARY}"
        if multipart
        else "application/x-www-form-urlencoded"
    )
    response = logged_in(employer.user).generic(
        "POST", url_of(url), data=body, content_type=content_type
    )
    answered(response, f"{url} {body!r}"[:300], allowed=(200, 302, 400))
