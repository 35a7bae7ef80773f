"""A posting's pay as a value: per year in U.S. dollars, and as a card writes it."""

import pytest

from jobs.choices import SalaryPeriod
from jobs.pay import Pay
from tests.factories import make_job


@pytest.mark.parametrize(
    ("pay", "yearly_usd"),
    [
        (Pay(100_000, 130_000, "USD", SalaryPeriod.YEAR), (100_000, 130_000)),
        (Pay(5_000, 6_000, "USD", SalaryPeriod.MONTH), (60_000, 72_000)),  # × 12
        (Pay(50, 70, "USD", SalaryPeriod.HOUR), (104_000, 145_600)),  # × 2,080
        (Pay(5_000, 6_000, "EUR", SalaryPeriod.MONTH), (64_800, 77_760)),  # × 12 × 1.08
        (Pay(40, 60, "GBP", SalaryPeriod.HOUR), (105_664, 158_496)),  # × 2,080 × 1.27
        (Pay(2_500_000, None, "INR", SalaryPeriod.YEAR), (30_000, 30_000)),  # no top: the bottom
        (Pay(9_000_000, 12_000_000, "JPY", SalaryPeriod.YEAR), (60_300, 80_400)),  # × 0.0067
    ],
)
def test_pay_per_year_in_dollars(pay, yearly_usd):
    assert pay.yearly_usd() == yearly_usd
    assert pay.top_yearly_usd() == yearly_usd[1]


@pytest.mark.parametrize(
    "pay",
    [
        Pay(None, None, "", SalaryPeriod.YEAR),
        Pay(None, None, "USD", SalaryPeriod.YEAR),
        Pay(100_000, 120_000, "", SalaryPeriod.YEAR),  # no currency
    ],
)
def test_no_yearly_figure_without_an_amount_and_a_currency(pay):
    assert pay.yearly_usd() is None
    assert pay.top_yearly_usd() is None


def test_a_top_without_a_bottom_has_a_top_but_no_range():
    pay = Pay(None, 200_000, "USD", SalaryPeriod.YEAR)
    assert pay.yearly_usd() is None
    assert pay.top_yearly_usd() == 200_000


@pytest.mark.parametrize(
    ("pay", "label"),
    [
        (Pay(100_000, 130_000, "USD", SalaryPeriod.YEAR), "USD 100K – 130K"),
        (Pay(142_500, 142_500, "USD", SalaryPeriod.YEAR), "USD 142.5K"),
        (Pay(142_500, None, "USD", SalaryPeriod.YEAR), "USD 142.5K"),
        (Pay(950, 1_000, "USD", SalaryPeriod.YEAR), "USD 950 – 1K"),
        (Pay(2_250_000, 3_200_000, "INR", SalaryPeriod.YEAR), "INR 2.25M – 3.2M"),
        (Pay(5_000, 6_000, "USD", SalaryPeriod.MONTH), "USD 5,000 – 6,000 per month"),
        (Pay(45, 60, "EUR", SalaryPeriod.HOUR), "EUR 45 – 60 per hour"),
        (Pay(None, None, "", SalaryPeriod.YEAR), ""),
    ],
)
def test_pay_label(pay, label):
    assert pay.label == label


def test_pay_is_a_value():
    pay = Pay(100_000, 130_000, "USD", SalaryPeriod.YEAR)
    assert pay == Pay(100_000, 130_000, "USD", "year")
    with pytest.raises(AttributeError):
        pay.min = 1


@pytest.mark.django_db
def test_a_posting_s_pay_is_its_salary_fields():
    job = make_job(
        salary_min=60, salary_max=80, salary_currency="USD", salary_period=SalaryPeriod.HOUR
    )
    assert job.pay == Pay(60, 80, "USD", SalaryPeriod.HOUR)
    assert job.salary_label == job.pay.label == "USD 60 – 80 per hour"
    assert job.salary_yearly_usd == job.pay.yearly_usd()[1] == 166_400
