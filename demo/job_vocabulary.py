"""What generated postings are made of: role profiles, places and pay levels, company names, and
the sentences descriptions are built from. The words and figures are kept in
demo/data/job_vocabulary.toml; this module gives them their types, with the site's fixed values
(experience levels, employment types, workplaces, statuses) as keys.
"""

from dataclasses import dataclass

from demo.content import read
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, SalaryPeriod, Workplace

ENTRY, MID, SENIOR, EXEC = (
    ExperienceLevel.ENTRY,
    ExperienceLevel.MID,
    ExperienceLevel.SENIOR,
    ExperienceLevel.EXECUTIVE,
)
FULL, PART, CONTRACT, FREELANCE, INTERN, TEMP = (
    EmploymentType.FULL_TIME,
    EmploymentType.PART_TIME,
    EmploymentType.CONTRACT,
    EmploymentType.FREELANCE,
    EmploymentType.INTERNSHIP,
    EmploymentType.TEMPORARY,
)
# Hourly pay from yearly: 40 hours a week, 52 weeks.
HOURS_PER_YEAR = 2080


@dataclass(frozen=True, eq=False)  # hashed by identity: the profiles key cached blocks
class RoleProfile:
    slug: str  # the demo Role it links to
    weight: int  # how common postings for it are
    base: int  # typical mid-level yearly pay in a large U.S. city, in dollars
    titles: dict  # experience level -> titles
    intern_title: str  # "" when the role takes no interns
    skills: tuple
    teams: tuple  # opening paragraphs
    duties: tuple
    bring: tuple


@dataclass(frozen=True)
class Place:
    city: str
    region: str
    country: str
    currency: str
    pay: float  # local pay per U.S. dollar of PROFILES pay, in the local currency
    weight: int


@dataclass(frozen=True)
class RemoteArea:
    country: str
    currency: str
    pay: float
    regions: tuple  # what "where remote applicants may live" says
    weight: int


def _keyed(table: dict, choices: type) -> dict:
    """The table with its keys as the choices they name (a ValueError for one that is not)."""
    return {choices(key): value for key, value in table.items()}


def _profile(data: dict) -> RoleProfile:
    return RoleProfile(
        slug=data["slug"],
        weight=data["weight"],
        base=data["base"],
        titles={ExperienceLevel(level): tuple(titles) for level, titles in data["titles"].items()},
        intern_title=data["intern_title"],
        skills=tuple(data["skills"]),
        teams=tuple(data["teams"]),
        duties=tuple(data["duties"]),
        bring=tuple(data["bring"]),
    )


_vocabulary = read("job_vocabulary")
_pay, _postings = _vocabulary["pay"], _vocabulary["postings"]
_companies, _descriptions = _vocabulary["companies"], _vocabulary["descriptions"]

# --- roles --------------------------------------------------------------------------------------

PROFILES = tuple(_profile(data) for data in _vocabulary["profiles"])

# --- places and pay ----------------------------------------------------------------------------

PLACES = tuple(Place(*row) for row in _pay["places"])
REMOTE_AREAS = tuple(
    RemoteArea(country, currency, pay, tuple(regions), weight)
    for country, currency, pay, regions, weight in _pay["remote_areas"]
)
LEVEL_PAY = _keyed(_pay["level"], ExperienceLevel)
RATE_PREMIUM = _keyed(_pay["rate_premium"], EmploymentType)
INTERN_SHARE = _keyed(_pay["intern_share"], SalaryPeriod)
NO_SALARY_SHARE = _pay["no_salary_share"]

# --- postings -----------------------------------------------------------------------------------

APPLY_BY_EMAIL_SHARE = _postings["apply_by_email_share"]
MAILBOXES = tuple(_postings["mailboxes"])
FEATURED_SHARE = _postings["featured_share"]
TITLE_SUFFIX = _keyed(_postings["title_suffix"], EmploymentType)
EXEC_PREFIX = _keyed(_postings["exec_prefix"], EmploymentType)
EMPLOYMENT_MIX = _keyed(_postings["employment_mix"], EmploymentType)
LEVEL_MIX = _keyed(_postings["level_mix"], ExperienceLevel)
WORKPLACE_MIX = _keyed(_postings["workplace_mix"], Workplace)
STATUS_MIX = _keyed(_postings["status_mix"], JobStatus)

# --- companies ---------------------------------------------------------------------------------

SECTORS = _companies["sectors"]
CURATED_COMPANIES = tuple((name, sector) for name, sector in _companies["curated"])
PREFIXES = tuple(_companies["prefixes"])
SUFFIX_SECTORS = _companies["suffix_sectors"]
COMPANY_SIZES = tuple(_companies["sizes"])
COMPANY_SIZE_BANDS = _companies["size_bands"]
COMPANY_TAGLINES = _companies["taglines"]
COMPANY_INDUSTRIES = _companies["industries"]
COMPANY_HOMES = tuple(_companies["homes"])
COMPANY_CULTURE = tuple(_companies["culture"])

# --- descriptions ------------------------------------------------------------------------------

YEARS = _keyed(_descriptions["years"], ExperienceLevel)
TERMS = _keyed(_descriptions["terms"], EmploymentType)
BENEFITS = tuple(_descriptions["benefits"])
PAY_NOTE = {
    True: _descriptions["pay_note"]["with_salary"],
    False: _descriptions["pay_note"]["without_salary"],
}
WORKPLACE_NOTES = _keyed(_descriptions["workplace"], Workplace)
