"""Money as the site writes it: every amount a page, a chart or the API shows is formatted here.

Amounts are whole units of their currency; these functions add no currency code of their own
except the dollar sign of `usd` and `usd_short`.
"""


def usd(amount: float) -> str:
    """U.S. dollars in full: $145,300."""
    return f"${amount:,.0f}"


def usd_short(amount: float) -> str:
    """U.S. dollars in a chart's few characters: $95.5K, $145K, $1.2M."""
    if amount >= 1_000_000:
        return f"${amount / 1_000_000:.1f}".rstrip("0").rstrip(".") + "M"
    if amount >= 100_000:
        return f"${amount / 1000:.0f}K"
    return f"${amount / 1000:.1f}".rstrip("0").rstrip(".") + "K"


def compact(amount: int) -> str:
    """A yearly figure the way job ads write it, in any currency: 950, 142.5K, 2.25M."""
    for size, suffix in ((1_000_000, "M"), (1000, "K")):
        if amount >= size:
            return f"{amount / size:.2f}".rstrip("0").rstrip(".") + suffix
    return str(amount)


def grouped(amount: int) -> str:
    """An amount with its thousands grouped, in any currency: 5,000."""
    return f"{amount:,}"
