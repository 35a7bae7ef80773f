"""The fixed vocabularies of a job posting: the same values in pages, feeds, filters and the API."""

from django.db import models


class Workplace(models.TextChoices):
    ONSITE = "onsite", "On-site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", "Full Time"
    PART_TIME = "part_time", "Part Time"
    CONTRACT = "contract", "Contract"
    FREELANCE = "freelance", "Freelance"
    INTERNSHIP = "internship", "Internship"
    TEMPORARY = "temporary", "Temporary"


class ExperienceLevel(models.TextChoices):
    ENTRY = "entry", "Entry-level / Junior"
    MID = "mid", "Mid-level / Intermediate"
    SENIOR = "senior", "Senior-level / Expert"
    EXECUTIVE = "executive", "Executive-level / Director"


class SalaryPeriod(models.TextChoices):
    YEAR = "year", "per year"
    MONTH = "month", "per month"
    HOUR = "hour", "per hour"


# Each vocabulary's labels by value, for code that writes many of them (job cards): a model's
# get_FOO_display() builds a dict of every choice on each call, 0.01 ms.
WORKPLACE_LABELS = dict(Workplace.choices)
EMPLOYMENT_TYPE_LABELS = dict(EmploymentType.choices)
EXPERIENCE_LEVEL_LABELS = dict(ExperienceLevel.choices)


# Factors that turn a monthly or hourly figure into a yearly one (40 hours × 52 weeks).
YEARLY_FACTOR = {SalaryPeriod.YEAR: 1, SalaryPeriod.MONTH: 12, SalaryPeriod.HOUR: 2080}


class JobStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING = "pending", "Pending review"
    PUBLISHED = "published", "Published"
    CHANGES = "changes", "Changes requested"
    REJECTED = "rejected", "Rejected"
    FILLED = "filled", "Filled"
    EXPIRED = "expired", "Expired"


# ISO 4217 codes an employer can pick, with a reference rate in U.S. dollars per unit. The rates
# only rank and filter postings paid in different currencies against one another (the salary
# filter and "highest salary first"); pages always show pay in the posting's own currency.
CURRENCY_RATES = {
    "USD": ("US dollar", 1.0),
    "EUR": ("euro", 1.08),
    "GBP": ("pound sterling", 1.27),
    "CAD": ("Canadian dollar", 0.73),
    "AUD": ("Australian dollar", 0.66),
    "NZD": ("New Zealand dollar", 0.60),
    "CHF": ("Swiss franc", 1.13),
    "SEK": ("Swedish krona", 0.095),
    "NOK": ("Norwegian krone", 0.093),
    "DKK": ("Danish krone", 0.145),
    "PLN": ("Polish złoty", 0.25),
    "CZK": ("Czech koruna", 0.043),
    "INR": ("Indian rupee", 0.012),
    "JPY": ("Japanese yen", 0.0067),
    "SGD": ("Singapore dollar", 0.74),
    "HKD": ("Hong Kong dollar", 0.128),
    "CNY": ("Chinese yuan", 0.138),
    "KRW": ("South Korean won", 0.00073),
    "ILS": ("Israeli new shekel", 0.27),
    "AED": ("UAE dirham", 0.272),
    "BRL": ("Brazilian real", 0.18),
    "MXN": ("Mexican peso", 0.055),
    "ZAR": ("South African rand", 0.054),
}
CURRENCIES = [(code, f"{code} — {name}") for code, (name, _) in CURRENCY_RATES.items()]


def usd_rate(currency: str) -> float:
    return CURRENCY_RATES[currency][1]


# Google's JobPosting employmentType values for ours.
GOOGLE_EMPLOYMENT_TYPE: dict[str, str] = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.CONTRACT: "CONTRACTOR",
    EmploymentType.FREELANCE: "CONTRACTOR",
    EmploymentType.INTERNSHIP: "INTERN",
    EmploymentType.TEMPORARY: "TEMPORARY",
}


class CompanySize(models.TextChoices):
    """How many people a company employs, in the bands people compare employers by."""

    TINY = "1-10", "1–10 people"
    SMALL = "11-50", "11–50 people"
    MEDIUM = "51-200", "51–200 people"
    LARGE = "201-1000", "201–1,000 people"
    BIG = "1001-5000", "1,001–5,000 people"
    HUGE = "5000+", "More than 5,000 people"
