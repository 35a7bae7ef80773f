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


# Factors that turn a monthly or hourly figure into a yearly one (40 hours × 52 weeks).
YEARLY_FACTOR = {SalaryPeriod.YEAR: 1, SalaryPeriod.MONTH: 12, SalaryPeriod.HOUR: 2080}


class JobStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PENDING = "pending", "Pending review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    FILLED = "filled", "Filled"
    EXPIRED = "expired", "Expired"


# ISO 4217 codes an employer can pick: the currencies postings in this field are paid in.
CURRENCIES = [
    ("USD", "USD — US dollar"),
    ("EUR", "EUR — euro"),
    ("GBP", "GBP — pound sterling"),
    ("CAD", "CAD — Canadian dollar"),
    ("AUD", "AUD — Australian dollar"),
    ("NZD", "NZD — New Zealand dollar"),
    ("CHF", "CHF — Swiss franc"),
    ("SEK", "SEK — Swedish krona"),
    ("NOK", "NOK — Norwegian krone"),
    ("DKK", "DKK — Danish krone"),
    ("PLN", "PLN — Polish złoty"),
    ("CZK", "CZK — Czech koruna"),
    ("INR", "INR — Indian rupee"),
    ("JPY", "JPY — Japanese yen"),
    ("SGD", "SGD — Singapore dollar"),
    ("HKD", "HKD — Hong Kong dollar"),
    ("CNY", "CNY — Chinese yuan"),
    ("KRW", "KRW — South Korean won"),
    ("ILS", "ILS — Israeli new shekel"),
    ("AED", "AED — UAE dirham"),
    ("BRL", "BRL — Brazilian real"),
    ("MXN", "MXN — Mexican peso"),
    ("ZAR", "ZAR — South African rand"),
]

# Google's JobPosting employmentType values for ours.
GOOGLE_EMPLOYMENT_TYPE = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.CONTRACT: "CONTRACTOR",
    EmploymentType.FREELANCE: "CONTRACTOR",
    EmploymentType.INTERNSHIP: "INTERN",
    EmploymentType.TEMPORARY: "TEMPORARY",
}
