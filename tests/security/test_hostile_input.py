"""Hostile input: random and malicious query strings, form posts, oversized bodies and stored text.

Every public address must answer below 500 whatever the query string, and no script an attacker
typed (into a query string, or into a posting as an employer) may come back as live markup.
"""

import itertools
import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core import ratelimit
from jobs.choices import JobStatus, Workplace
from tests.factories import make_company, make_guide, make_job, make_role

pytestmark = pytest.mark.django_db

# Property-based tests here share one set of records per test function and keep no example
# database on disk.
FUZZ = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FILTER_NAMES = [
    "q",
    "location",
    "workplace",
    "employment_type",
    "experience_level",
    "salary_min",
    "role",
    "company",
    "posted_within",
    "ordering",
    "page",
    "country",
]

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SVG = "'><svg onload=alert(1)>"
JS_LINK = "[click me](javascript:alert(1))"

HOSTILE = [
    SCRIPT,
    IMG,
    SVG,
    "</textarea></title></script><script>alert(1)</script>",
    "javascript:alert(1)",
    "jAvAsCrIpT:alert(1)",
    JS_LINK,
    "' OR 1=1 --",
    "1; DROP TABLE jobs_job",
    '" OR ""="',
    "') UNION SELECT password FROM auth_user --",
    "x" * 100_000,
    "\x00",
    "a\x00b",
    "\u202eevil\u202c",
    "a\u200d\u200db\u200c\u2060",
    "👩\u200d💻🚀🔥",
    "e\u0301\u0301\u0301\u0301",
    "Z\u0334\u0321\u0327a\u0336l\u0337g\u0335o",
    "\ufeff",
    "\uffff",
    "\U0010ffff",
    "%",
    "%%",
    "%00",
    "%ff%fe",
    "%u0000",
    "%25%32%35",
    "9" * 400,
    "-1",
    "-99999999999999999999999",
    "1e400",
    "-1e400",
    "1e-400",
    "NaN",
    "-inf",
    "Infinity",
    "sNaN",
    "0x10",
    "1_000",
    "",
    " ",
    "\t\r\n",
    "../../../../etc/passwd",
    "{{ 7|add:7 }}{% debug %}",
    "${7*7}",
    "remote",
    "data-engineer",
    "acme-analytics",
    "salary",
    "7",
]

keys = st.sampled_from([*FILTER_NAMES, "p", "utm_source"]) | st.text(max_size=20)
values = st.sampled_from(HOSTILE) | st.text()
queries = st.lists(st.tuples(keys, values), max_size=6)


# --- checking responses -----------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcdoc", "xlink:href"}
_URL_NOISE = re.compile(r"[\x00-\x20]")


def _runs_script(url: str) -> bool:
    url = _URL_NOISE.sub("", url).lower()
    return url.startswith(("javascript:", "vbscript:", "data:text/html"))


class MarkupScan(HTMLParser):
    """Collects every piece of executable markup in a page: script elements other than JSON-LD,
    event-handler attributes, script URLs, embedded frames and objects."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value and _runs_script(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "frame", "object", "embed", "base"):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "script":
            if dict(attrs).get("type") == "application/ld+json":
                self._in_json_ld = True
                self.json_ld.append("")
            else:
                self.problems.append(f"<script {attrs!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def scan(html: str) -> MarkupScan:
    scanner = MarkupScan()
    scanner.feed(html)
    scanner.close()
    return scanner


def assert_no_live_markup(html: str, where: str) -> MarkupScan:
    """No executable markup in an HTML page, and every JSON-LD block is well-formed JSON."""
    for marker in ("<script>alert", "onerror=alert(1)>", "onload=alert(1)>"):
        assert marker not in html, f"{marker!r} unescaped on {where}"
    found = scan(html)
    assert not found.problems, f"executable markup on {where}: {found.problems[:5]}"
    for block in found.json_ld:
        json.loads(block)  # a value that closed the element would leave broken JSON behind
    return found


def check_response(response, where: str) -> None:
    assert response.status_code < 500, f"{response.status_code} on {where}"
    content_type = response.get("Content-Type", "")
    body = response.content.decode("utf-8", "replace")
    if content_type.startswith("application/json"):
        data = json.loads(body)  # well-formed JSON, errors in the API's one format
        if response.status_code >= 400:
            assert set(data) == {"status", "code", "detail", "errors"}, where
    elif content_type.startswith("text/html"):
        assert_no_live_markup(body, where)
    elif "xml" in content_type and response.status_code == 200:
        ET.fromstring(response.content)  # still well-formed
        assert "<script" not in body.lower(), f"<script> in XML from {where}"


def html_in_feed(body: bytes) -> list[str]:
    """The HTML each feed entry carries (RSS description, Atom summary/content)."""
    root = ET.fromstring(body)
    texts = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("description", "summary", "content") and element.text:
            texts.append(element.text)
    return texts


# --- records ------------------------------------------------------------------------------------


@pytest.fixture
def site():
    """One of each public page: jobs (one by e-mail, one closed), a guide, a role, a salary."""
    now = timezone.now()
    role = make_role(name="Data Engineer", slug="data-engineer", broader_titles="Engineer")
    company = make_company(name="Acme Analytics", slug="acme-analytics")
    by_email = make_job(
        title="Data Engineer",
        slug="data-engineer-acme",
        company=company,
        role=role,
        apply_url="",
        apply_email="jobs@acme.example",
        featured_until=now + timedelta(days=3),
    )
    by_url = make_job(
        title="Remote Data Engineer",
        slug="remote-data-engineer-acme",
        company=company,
        role=role,
        workplace=Workplace.REMOTE,
        city="",
        country="US",
        remote_region="anywhere in the U.S.",
    )
    closed = make_job(
        title="Filled Data Engineer",
        slug="filled-data-engineer",
        company=company,
        role=role,
        status=JobStatus.FILLED,
    )
    guide = make_guide(
        title="Data Engineer vs Analyst", slug="data-engineer-guide", first_role=role
    )
    return {
        "role": role,
        "company": company,
        "by_email": by_email,
        "by_url": by_url,
        "closed": closed,
        "guide": guide,
    }


JOB_FEEDS = ["/feeds/jobs/", "/feeds/jobs/atom/"]
PUBLIC_PATHS = [
    "/",
    "/jobs/",
    "/jobs/data-engineer-acme/",
    "/jobs/filled-data-engineer/",
    "/guides/",
    "/guides/data-engineer-guide/",
    "/roles/",
    "/roles/data-engineer/",
    "/salaries/",
    "/salaries/data-engineer/",
    "/search/",
    *JOB_FEEDS,
    "/feeds/guides/",
    "/feeds/guides/atom/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-jobs.xml",
    "/robots.txt",
    "/healthz",
    "/employers/",
]
# The sitemap sections read `p` (their page number) and answer 404 for a page they do not have.
MAY_BE_NOT_FOUND = {"/sitemap-pages.xml", "/sitemap-jobs.xml"}


@pytest.fixture
def anonymous():
    """A client that turns a server error into a 500 response instead of raising it."""
    return Client(raise_request_exception=False)


def test_every_public_address_answers(site, anonymous):
    for path in PUBLIC_PATHS:
        response = anonymous.get(path)
        assert response.status_code == 200, path
        check_response(response, path)


# --- query strings --------------------------------------------------------------------------


@pytest.mark.parametrize("path", PUBLIC_PATHS)
@FUZZ
@given(query=queries)
@example(query=[(name, SCRIPT) for name in FILTER_NAMES])
@example(query=[(name, IMG) for name in FILTER_NAMES])
@example(query=[(name, "x" * 100_000) for name in FILTER_NAMES])
@example(query=[(name, "\x00") for name in FILTER_NAMES])
@example(query=[(name, value) for name in FILTER_NAMES for value in ("1e400", "NaN", "-1")])
@example(query=[("workplace", "remote"), ("workplace", SVG), ("role", "' OR 1=1 --")])
def test_hostile_query_strings(site, anonymous, path, query):
    url = f"{path}?{urlencode(query)}"
    response = anonymous.get(url)
    check_response(response, url[:200])
    allowed = {200, 404} if path in MAY_BE_NOT_FOUND else {200}
    if any(name == "page" and value not in ("", "1") for name, value in query):
        allowed.add(404)  # a page number that names no page (core/pagination.py)
    if path.startswith("/feeds/"):
        allowed.add(400)  # a feed names the filter it cannot read
    assert response.status_code in allowed, f"{response.status_code} on {url[:200]}"


RAW_QUERIES = [
    "q=%ff%fe",
    "%ff%fe=%ff",
    "q=%",
    "q=%%",
    "q=%ZZ",
    "q=%f",
    "q=%u0000",
    "q=%ed%a0%80",  # a lone surrogate, as UTF-8 would spell it
    "q=%f4%90%80%80",  # past U+10FFFF
    "q=%c0%af",  # an overlong "/"
    "location=%e2%80%ae%00",
    "page=%00",
    "role=%ff",
    "company=%ff%00",
    "salary_min=%ff",
    "workplace=remote&workplace=%ff&workplace=",
    "=&&=&q",
    ";;;q=1;q=2",
    "q=" + "%ff" * 20_000,
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_invalid_utf8_and_malformed_query_strings(site, anonymous, path):
    for raw in RAW_QUERIES:
        response = anonymous.get(f"{path}?{raw}")
        check_response(response, f"{path}?{raw[:80]}")


@settings(FUZZ, max_examples=60)
@given(
    path=st.sampled_from(PUBLIC_PATHS),
    key=st.sampled_from(FILTER_NAMES) | st.binary(max_size=8),
    payload=st.binary(max_size=64),
)
def test_random_bytes_in_the_query_string(site, anonymous, path, key, payload):
    if isinstance(key, bytes):
        key = "".join(f"%{byte:02X}" for byte in key)
    url = f"{path}?{key}=" + "".join(f"%{byte:02X}" for byte in payload)
    check_response(anonymous.get(url), url)


# --- the API -----------------------------------------------------------------------------------

API_PATHS = [
    "/api/v1/",
    "/api/v1/jobs/",
    "/api/v1/jobs/data-engineer-acme/",
    "/api/v1/companies/",
    "/api/v1/companies/acme-analytics/",
    "/api/v1/roles/",
    "/api/v1/roles/data-engineer/",
    "/api/v1/guides/",
    "/api/v1/guides/data-engineer-guide/",
    "/api/v1/salaries/",
    "/api/v1/salaries/data-engineer/",
    "/api/v1/employer/jobs/",
    "/api/schema/",
]


def test_every_api_address_answers(site, anonymous):
    for path in API_PATHS:
        response = anonymous.get(path)
        expected = 401 if "employer" in path else 200
        assert response.status_code == expected, path
        check_response(response, path)


@pytest.mark.parametrize("path", API_PATHS)
@FUZZ
@given(query=queries)
@example(query=[(name, SCRIPT) for name in FILTER_NAMES])
@example(query=[(name, "x" * 100_000) for name in FILTER_NAMES])
@example(query=[(name, "\x00") for name in [*FILTER_NAMES, "page_size"]])
@example(query=[(name, value) for name in FILTER_NAMES for value in ("1e400", "NaN", "-1")])
@example(query=[("page_size", "9" * 400), ("page", "-1")])
def test_hostile_query_strings_in_the_api(site, anonymous, path, query):
    """The API refuses what the pages forgive, but always with a 4xx, never a 5xx."""
    url = f"{path}?{urlencode(query)}"
    response = anonymous.get(url, headers={"Accept": "application/json"})
    check_response(response, url[:200])
    assert response.status_code in {200, 400, 401, 404}, f"{response.status_code} on {url[:200]}"


@pytest.mark.parametrize("path", API_PATHS)
def test_invalid_utf8_and_malformed_query_strings_in_the_api(site, anonymous, path):
    for raw in RAW_QUERIES:
        check_response(anonymous.get(f"{path}?{raw}"), f"{path}?{raw[:80]}")


# --- form posts --------------------------------------------------------------------------------


def _post(client: Client, url: str, fields: list[tuple[str, str]], encoding: str):
    if encoding == "multipart":
        data: dict[str, list[str]] = {}
        for key, value in fields:
            data.setdefault(key, []).append(value)
        return client.post(url, data)
    if encoding == "urlencoded":
        return client.post(url, urlencode(fields), "application/x-www-form-urlencoded")
    if encoding == "json":
        return client.post(url, json.dumps(dict(fields)), "application/json")
    raw = "&".join(f"{k}={v}" for k, v in fields).encode("utf-8", "surrogatepass") + b"\xff\xfe"
    return client.post(url, raw, "application/x-www-form-urlencoded; charset=utf-8")


@settings(FUZZ, max_examples=40)
@given(
    target=st.sampled_from(["by_email", "by_url", "closed", "missing"]),
    fields=queries,
    encoding=st.sampled_from(["multipart", "urlencoded", "json", "raw"]),
    query=queries,
)
def test_hostile_posts_to_the_apply_endpoint(site, anonymous, target, fields, encoding, query):
    ratelimit.clear(ratelimit.APPLY_REVEAL, "127.0.0.1")  # each example starts under the limit
    slug = "no-such-job" if target == "missing" else site[target].slug
    url = f"/jobs/{slug}/apply/?{urlencode(query)}"
    response = _post(anonymous, url, fields, encoding)
    check_response(response, url[:200])
    # Only a public posting that takes e-mail applications shows an address.
    assert response.status_code == (200 if target == "by_email" else 404)
    if target == "by_email":
        assert "mailto:jobs@acme.example" in response.text


def test_apply_endpoint_refuses_get(site, anonymous):
    assert anonymous.get("/jobs/data-engineer-acme/apply/").status_code == 405


@pytest.mark.parametrize("enforce_csrf", [False, True], ids=["csrf-off", "csrf-on"])
@pytest.mark.parametrize("shape", ["urlencoded", "multipart", "many-fields"])
def test_oversized_admin_login_post_is_a_bad_request(shape, enforce_csrf):
    client = Client(enforce_csrf_checks=enforce_csrf, raise_request_exception=False)
    headers = {}
    if enforce_csrf:
        # A browser that loaded the form first: the CSRF check then reads the body itself.
        assert client.get("/admin/login/").status_code == 200
        headers["X-CSRFToken"] = client.cookies[django_settings.CSRF_COOKIE_NAME].value
    size = 3 * 1024 * 1024
    assert size > django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    form = "application/x-www-form-urlencoded"
    if shape == "urlencoded":
        body = urlencode({"username": "a" * size, "password": "b"})
        response = client.post("/admin/login/", body, form, headers=headers)
    elif shape == "multipart":
        data = {"username": "a" * size, "password": "b"}
        response = client.post("/admin/login/", data, headers=headers)
    else:
        fields = [(f"f{n}", "x") for n in range(django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 10)]
        response = client.post("/admin/login/", urlencode(fields), form, headers=headers)
    assert response.status_code == 400


# --- stored content ------------------------------------------------------------------------------

HOSTILE_MARKDOWN = "\n\n".join(
    [
        SCRIPT,
        IMG,
        SVG,
        JS_LINK,
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<a href="javascript:alert(1)" onclick="alert(1)">link</a>',
        '<a href="&#106;avascript:alert(1)">entity link</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))">styled</p>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "</div></article><script>alert(1)</script>",
        "<scr<script>ipt>alert(1)</script>",
        '![x](x" onerror="alert(1))',
        "' OR 1=1 --",
        "\u202eevil\u202c 👩\u200d💻",
    ]
)


@pytest.fixture
def hostile_job(site):
    """A posting and company filled in with markup, as a careless or malicious employer would."""
    company = make_company(
        name=f"{SCRIPT} Evil Corp",
        slug="evil-corp",
        description=HOSTILE_MARKDOWN,
    )
    job = make_job(
        title=f"{SCRIPT} Data Engineer",
        slug="hostile-job",
        company=company,
        role=site["role"],
        description=HOSTILE_MARKDOWN,
        skills=f"{SCRIPT}, {IMG}, Python",
        city=f"Berlin{IMG}",
        region=SVG,
        street_address=SCRIPT,
        apply_url="",
        apply_email="jobs@evil.example",
        featured_until=timezone.now() + timedelta(days=3),
    )
    second = make_job(
        title=IMG,
        slug="hostile-job-2",
        company=company,
        role=site["role"],
        skills=SVG,
        description=JS_LINK,
    )
    return job, second


def test_stored_markup_is_escaped_or_removed_on_pages(client, site, hostile_job):
    job, second = hostile_job
    pages = [
        job.get_absolute_url(),
        second.get_absolute_url(),
        "/",
        "/jobs/",
        "/jobs/?q=Data",
        "/jobs/?company=evil-corp",
        # Search marks the words it found inside this text: it must stay escaped around them.
        "/search/?q=Data",
        "/search/?q=script+or+alert",
        "/search/?q=onerror+or+img+or+svg+or+onload",
        "/search/?q=javascript",
        "/search/?q=%22script+alert%22",
        "/search/?q=evil",
        "/roles/data-engineer/",
        site["guide"].get_absolute_url(),
        site["by_email"].get_absolute_url(),  # similar jobs
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_live_markup(response.text, url)
    for url in [job.get_absolute_url(), "/jobs/", "/"]:
        html = client.get(url).text
        assert escape(job.title) in html, url
        assert escape(second.title) in html, url
    found_by_search = client.get("/search/?q=script+or+alert").text
    assert f'href="{job.get_absolute_url()}"' in found_by_search
    assert "&lt;<mark>script</mark>&gt;<mark>alert</mark>(1)" in found_by_search
    page = client.get(job.get_absolute_url()).text
    assert escape(job.company.name) in page
    found = scan(page)
    posting = next(d for d in map(json.loads, found.json_ld) if d["@type"] == "JobPosting")
    assert posting["title"] == job.title
    assert posting["hiringOrganization"]["name"] == job.company.name
    assert_no_live_markup(posting["description"], "the JobPosting description")


def test_stored_markup_in_the_apply_page(client, hostile_job):
    job, _ = hostile_job
    response = client.post(f"/jobs/{job.slug}/apply/")
    assert response.status_code == 200
    assert_no_live_markup(response.text, "the apply page")
    assert escape(job.title) in response.text


def test_stored_markup_in_the_api(client, hostile_job):
    """JSON carries text as typed (clients escape it); every *_html field is sanitized."""
    job, second = hostile_job
    detail = client.get(f"/api/v1/jobs/{job.slug}/").json()
    assert detail["title"] == job.title
    assert_no_live_markup(detail["description_html"], "the API's description_html")
    listed = client.get("/api/v1/jobs/?company=evil-corp").json()["results"]
    assert {item["title"] for item in listed} == {job.title, second.title}
    company = client.get("/api/v1/companies/evil-corp/").json()
    assert company["name"] == job.company.name
    assert_no_live_markup(company["description_html"], "the API's company description_html")


@pytest.mark.parametrize(
    "url",
    ["/feeds/jobs/", "/feeds/jobs/atom/", "/feeds/jobs/?company=evil-corp", "/feeds/jobs/?q=Data"],
)
def test_stored_markup_in_feeds(client, hostile_job, url):
    job, _ = hostile_job
    response = client.get(url)
    assert response.status_code == 200
    assert "<script" not in response.text.lower()
    entries = html_in_feed(response.content)
    assert len(entries) >= 2
    for html in entries:
        assert_no_live_markup(html, f"an entry of {url}")
    titles = [el.text for el in ET.fromstring(response.content).iter() if el.tag.endswith("title")]
    assert any(text and text.startswith(job.title) for text in titles)


_companies = itertools.count(1)
stored_text = st.sampled_from([*HOSTILE[:12], *HOSTILE[14:22], JS_LINK]) | st.text(min_size=1)


@settings(FUZZ, max_examples=15)
@given(
    title=stored_text.map(lambda text: text.replace("\x00", "")[:150]),
    company_name=stored_text.map(lambda text: text.replace("\x00", "")[:100]),
    skills=stored_text.map(lambda text: text.replace("\x00", "")[:300]),
    description=stored_text.map(lambda text: text.replace("\x00", "")),
)
def test_any_stored_text_stays_inert(client, site, title, company_name, skills, description):
    """Whatever an employer types (NUL aside: forms refuse it) comes back escaped or cleaned."""
    company = make_company(name=f"{company_name} {next(_companies)}")
    job = make_job(
        title=title or "x",
        company=company,
        skills=skills,
        description=description,
        role=site["role"],
        featured_until=timezone.now() + timedelta(days=1),
    )
    for url in [job.get_absolute_url(), f"/jobs/?company={company.slug}", "/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_live_markup(response.text, url)
        assert escape(job.title) in response.text, url
    page = client.get(job.get_absolute_url()).text
    posting = next(d for d in map(json.loads, scan(page).json_ld) if d["@type"] == "JobPosting")
    assert posting["title"] == job.title
    feed = client.get(f"/feeds/jobs/?company={company.slug}")
    assert feed.status_code == 200
    for html in html_in_feed(feed.content):
        assert_no_live_markup(html, "the job feed")


# --- known bugs ------------------------------------------------------------------------------


def feed_is_sound(response) -> bool:
    if response.status_code >= 500:
        return False
    try:
        ET.fromstring(response.content)
    except ET.ParseError:
        return False
    return True


@pytest.mark.parametrize("path", JOB_FEEDS)
@pytest.mark.parametrize(
    "query", ["q=%01", "location=Ber%0blin", "q=data%1b%5b31m", "q=%ef%bf%bf", "location=%ef%bf%be"]
)
def test_characters_xml_forbids_in_feed_filters(site, anonymous, path, query):
    assert feed_is_sound(anonymous.get(f"{path}?{query}"))


@pytest.mark.parametrize("char", ["\x0b", "\uffff"], ids=["vertical-tab", "U+FFFF"])
@pytest.mark.parametrize("field", ["title", "description", "skills", "company"])
def test_characters_xml_forbids_in_stored_postings(site, anonymous, field, char):
    text = f"Line one{char}line two"
    if field == "company":
        make_job(company=make_company(name=text))
    else:
        make_job(**{field: text})
    assert feed_is_sound(anonymous.get("/feeds/jobs/"))
