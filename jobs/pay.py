"""A posting's pay as a value: its range per year in U.S. dollars, and how a card writes it."""

from dataclasses import dataclass

from core import money
from jobs.choices import YEARLY_FACTOR, SalaryPeriod, usd_rate

_PERIOD_LABELS = dict(SalaryPeriod.choices)


@dataclass(frozen=True)
class Pay:
    """A salary range as the employer gave it: `min` and `max` in `currency` per `period`.

    `max` may be missing (pay of exactly `min`); without `min` or `currency` there is no pay to
    speak of. Per year means monthly × 12 and hourly × 2,080; dollars are at the reference rates
    of jobs/choices.py, which only rank and compare postings: pages show the posting's own
    currency."""

    min: int | None
    max: int | None
    currency: str
    period: str

    def yearly_usd(self) -> tuple[int, int] | None:
        """The range per year in U.S. dollars, or None without pay."""
        if self.min is None or not self.currency:
            return None
        return self._usd_a_year(self.min), self._usd_a_year(self.max or self.min)

    def top_yearly_usd(self) -> int | None:
        """The top of the range per year in U.S. dollars, or None: what the salary filter and
        "highest salary first" compare. A top without a bottom still counts here, so that
        validation can say it is too large as well as that the bottom is missing."""
        top = self.max or self.min
        if top is None or not self.currency:
            return None
        return self._usd_a_year(top)

    def _usd_a_year(self, amount: int) -> int:
        return round(amount * YEARLY_FACTOR[SalaryPeriod(self.period)] * usd_rate(self.currency))

    @property
    def label(self) -> str:
        """“USD 100K – 130K” for yearly pay; “EUR 45 – 60 per hour” otherwise; "" without pay."""
        if self.min is None:
            return ""
        yearly = self.period == SalaryPeriod.YEAR
        short = money.compact if yearly else money.grouped
        amounts = short(self.min)
        if self.max and self.max != self.min:
            amounts += f" – {short(self.max)}"
        suffix = "" if yearly else f" {_PERIOD_LABELS.get(self.period, self.period)}"
        return f"{self.currency} {amounts}{suffix}"
