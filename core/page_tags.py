"""What a cached page shows, named by tags, and the version each tag is at.

A page is stored with the version of each tag it carries (`job:12`, `jobs`, `role:3`, ...); it
is served only while every one of those versions is still current, read in one `get_many`. A
change to public content moves the versions of the tags it affects (`bump`), so exactly the
pages showing it are retired; the global generation (core/page_cache.py) still retires them
all at once, for deploys and bulk writes.

Versions are random tokens, never counters: a version that was evicted, or lost with a Redis
restart, comes back as a new token, which no stored page carries, so such pages read as stale,
never as fresh.

`CHANGE_KEY` moves with every change. A page is stored only if it did not move while the page
was rendered: otherwise the page might show the content from before a change under the versions
from after it. Its committed value is also kept in the database (core.PageGeneration), so that a
change Redis never heard of is noticed once Redis answers again.
"""

import uuid
from collections.abc import Iterable

# Pages listing jobs: the home page, /jobs/ and its feeds, search, the sitemap, API job lists.
JOBS = "jobs"
# Pages listing guides: the home page, /guides/, the guide feeds, search, the sitemap.
GUIDES = "guides"
# Pages listing or naming published roles (filters, the role list, salary pages, search).
ROLES = "roles"
# Pages showing salary figures: salary pages, role pages, job pages with a salary.
SALARIES = "salaries"
# Pages listing companies: /companies/ and the API's company list.
COMPANIES = "companies"
# Lists of the site's own pages (About, Privacy, ...): the sitemap.
SITE_PAGES = "site-pages"
# The list of authors (/authors/).
AUTHORS = "authors"

TAG_PREFIX = "pages:tag:"
CHANGE_KEY = "pages:change"


def job(pk: int) -> str:
    """A job's own page."""
    return f"job:{pk}"


def company(pk: int) -> str:
    """Pages showing a company's name, logo or text beyond the job lists."""
    return f"company:{pk}"


def role(pk: int) -> str:
    """Pages showing a role's own text: its page, guides about it, its postings' pages."""
    return f"role:{pk}"


def role_jobs(pk: int) -> str:
    """Pages listing a role's jobs: its page, guides about it, its postings' similar jobs."""
    return f"jobs:role:{pk}"


def company_jobs(pk: int) -> str:
    """Pages listing a company's jobs (a posting without a role shows its company's others)."""
    return f"jobs:company:{pk}"


def guide(pk: int) -> str:
    """A guide's own page, and the pages naming it as related reading."""
    return f"guide:{pk}"


def role_guides(pk: int) -> str:
    """Pages listing a role's guides: its page, its postings' pages, guides on the same role."""
    return f"guides:role:{pk}"


def site_page(slug: str) -> str:
    """One of the site's own pages (About, Privacy, ...)."""
    return f"site-page:{slug}"


def author(pk: int) -> str:
    """An author's profile page."""
    return f"author:{pk}"


def key(tag: str) -> str:
    return TAG_PREFIX + tag


def new_versions(tags: Iterable[str]) -> dict[str, str]:
    """A fresh version for each tag, keyed by its cache key, for `cache.set_many`."""
    return {key(tag): uuid.uuid4().hex for tag in tags}
