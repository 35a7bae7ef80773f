"""Featured-first job lists that a database can serve from its indexes, page after page.

Ordering by "featured right now" is a CASE expression over every matching row, so the database
sorts them all before it can return a page. `FeaturedFirst` gives the same order from
index-friendly queries: the few featured postings, then the rest newest first. A page that
featured postings fill on their own skips the rest; a page after the featured ones counts them
first, reading at most as many as come before the page.
"""

from typing import TYPE_CHECKING, cast

from django.db.models import Q
from django.utils import timezone

from core.textsearch import engine
from jobs.list_reads import CompiledFilters
from jobs.models import NEWEST, JobQuerySet, featured_now_q

if TYPE_CHECKING:
    from jobs.filters import JobFilter

# A list counted to at most this many matches reads them all and sorts them for its page.
GATHER_UP_TO = 200


class ReadInOrder:
    """A list read in its order by plain statements around its filters compiled once
    (`jobs.list_reads`), where they compile on their own; for Paginator, sliceable and
    countable. CountUpTo counts it with the same compiled filters and tells it how many
    postings match once counted exactly: few are read whole and sorted (GATHER_UP_TO)."""

    def __init__(self, queryset: JobQuerySet):
        self.queryset = queryset
        self.compiled = CompiledFilters.of(queryset)
        self.matches: int | None = None  # set by CountUpTo once counted exactly

    def count(self) -> int:
        return self.queryset.order_by().count()

    def __len__(self) -> int:
        return self.count()

    def _few(self) -> bool:
        return self.matches is not None and self.matches <= GATHER_UP_TO


class FeaturedFirst(ReadInOrder):
    """A sliceable, countable stand-in for `queryset.featured_first()`, for Paginator.

    With `up_to`, only the newest `up_to` featured postings go first and the others take their
    place among the rest by date: a list page opens with a few featured cards, not a screenful.
    The first page (most lists are asked for no other) is read in one query: where the filters
    compile on their own, around their WHERE clause compiled once (`jobs.list_reads`)."""

    def __init__(self, queryset: JobQuerySet, up_to: int | None = None):
        super().__init__(queryset)
        self.now = timezone.now()
        self.featured_now = featured_now_q(self.now)
        self.up_to = up_to
        self._shown: list | None = None  # with `up_to`: the featured postings that go first

    def __getitem__(self, index: slice) -> list:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        if start == 0 and self._shown is None:
            return self._first(stop)
        if self.up_to is None:
            rows = self._newest(self.featured_now, start, stop)
            rest = ~self.featured_now
        else:
            rows = self._first_featured()[start:stop]
            rest = ~Q(pk__in=[job.pk for job in self._first_featured()])
        if len(rows) == stop - start:
            return rows  # featured postings fill the page
        # They run out on this page, or ran out earlier: then count them, reading no more than
        # `start` rows (a full count would read every featured match of a common search word).
        split = start + len(rows) if rows else self._featured_before(start)
        return rows + self._newest(rest, max(start - split, 0), stop - split)

    def _first_featured(self) -> list:
        """With `up_to`: the newest `up_to` featured postings, which go first."""
        if self._shown is None:
            self._shown = self._newest(self.featured_now, 0, cast(int, self.up_to))
        return self._shown

    def _featured_before(self, start: int) -> int:
        if self.up_to is not None:
            return min(len(self._first_featured()), start)
        if self.compiled is not None:
            return self.compiled.count_up_to(start, "posted_at", self.featured_now)
        return self.queryset.filter(self.featured_now).order_by().values("pk")[:start].count()

    def _newest(self, condition: Q, start: int, stop: int) -> list:
        """The postings that also meet `condition`, newest first, from `start` to `stop`."""
        if stop <= start or self.matches == 0:
            return []
        if self.compiled is not None:
            part = (condition, stop - start, start)
            return newest_first(self.compiled.rows([part], NEWEST, self._few()))
        return list(self.queryset.filter(condition).newest()[start:stop])

    def _first(self, stop: int) -> list:
        """The first `stop` postings in one query: the newest featured ones that go first, and
        enough of the newest others to fill the page, each part read from its index."""
        shown = stop if self.up_to is None else min(self.up_to, stop)
        # Without `up_to` the rest leave out every featured posting; with it only those shown,
        # and the newest `stop` hold enough others: at most `shown` of them go first.
        others = ~self.featured_now if self.up_to is None else None
        if stop <= 0 or self.matches == 0:
            return []
        if self.compiled is not None:
            parts = [(self.featured_now, shown, 0), (others, stop, 0)]
            rows = newest_first(self.compiled.rows(parts, NEWEST, self._few()))
        else:
            featured = self.queryset.filter(self.featured_now).newest()[:shown]
            rest = self.queryset.filter(others) if others is not None else self.queryset
            rows = newest_first(self.queryset.in_any(featured, rest.newest()[:stop]))
        featured = [job for job in rows if job.featured_until and job.featured_until > self.now]
        featured = featured[:shown]
        first = {job.pk for job in featured}
        return (featured + [job for job in rows if job.pk not in first])[:stop]


class TopPayFirst(ReadInOrder):
    """A list in the FilterSet's "highest salary first" order: its pages are the queryset's,
    read along the top-pay index, except that once counted to GATHER_UP_TO matches or fewer,
    every match is read and sorted. Walking the index on the planner's guess read most of it for
    filters whose postings pay little or rarely (a city whose jobs pay less than most, a level
    with a high pay floor): 60–140 ms under load."""

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if self.compiled is None or not self._few():
            return self.queryset[index]
        start, stop, matches = index.start or 0, index.stop, cast(int, self.matches)
        stop = matches if stop is None else min(stop, matches)
        return top_pay_first(self.compiled.rows_top_pay_first(start, stop))


def in_list_order(jobs: "JobFilter", featured_up_to: int | None = None):
    """A job search's results as lists and the API page them: featured first (at most
    `featured_up_to` of them), newest first (`?ordering=newest`: featured first with none), each
    read from indexes by `FeaturedFirst`, or highest salary first (`TopPayFirst`)."""
    if jobs.uses_default_order:
        return FeaturedFirst(jobs.qs, up_to=featured_up_to)
    if jobs.form.cleaned_data.get("ordering") == "newest":
        return FeaturedFirst(jobs.qs, up_to=0)
    return TopPayFirst(jobs.qs)


def top_pay_first(jobs) -> list:
    """Postings in TOP_PAY_FIRST order, then newest (the FilterSet's "highest salary first"),
    sorted in Python."""
    return sorted(
        jobs, key=lambda job: (job.salary_yearly_usd or 0, job.posted_at, job.pk), reverse=True
    )


def newest_first(jobs) -> list:
    """Postings in `JobQuerySet.newest()` order, sorted in Python."""
    return sorted(jobs, key=lambda job: (job.posted_at, job.pk), reverse=True)


def featured_then_newest(queryset: JobQuerySet, limit: int) -> list:
    """The first `limit` postings of `queryset` in featured-first order, in one query: a list's
    first page with at most `limit` featured postings first."""
    return FeaturedFirst(queryset, up_to=limit)[0:limit]


# Past this many postings the whole board says "10,000+" (500 pages of 20) instead of counting
# them all: an index-only scan that stops early. A filtered list or a keyword search stops at
# SEARCH_COUNT_UP_TO ("1,000+", 50 pages), since counting it reads each match's row or text: the
# count was the largest cost of a filtered list's first render (tens of milliseconds at 100,000
# postings, 75 at a million), and nobody pages past 50 of a search.
LIST_COUNT_UP_TO = 10_000
SEARCH_COUNT_UP_TO = 1000
# The filtered /jobs/ page counts less still: as far as its reader pages soon, in steps of this
# many ("200+", ten pages), at least five pages past the page shown, up to SEARCH_COUNT_UP_TO.
# Nearly half of filtered first views have more than 1,000 matches, and counting them was a
# third of such a page's database time; 200 read a fifth as many rows. (The API keeps the
# documented 1,000: its clients read `count`.)
SEARCH_COUNT_STEP = 200
SEARCH_PAGES_AHEAD = 5


def search_count_up_to(page_number: int, per_page: int, ceiling: int) -> int:
    """How far the filtered list counts on page `page_number`: 200 up to page 5, 400 up to
    page 15 and so on, never past `ceiling`; the pages up to it are there to be read."""
    ahead = (page_number + SEARCH_PAGES_AHEAD) * per_page
    steps = -(-ahead // SEARCH_COUNT_STEP)  # rounded up
    return max(1, min(ceiling, steps * SEARCH_COUNT_STEP))


class CountUpTo:
    """A sliceable stand-in for a job list whose count stops at `cap`.

    An exact count reads every match: over the whole board that is every public posting's index
    entry (tens of milliseconds at 100,000 postings, growing with the board), and for a common
    search word every match's text (seconds at a million). Counting up to `cap` + 1 reads at most
    that many, so its cost stays flat however large the board grows. `count()` is then at most
    `cap`, the pages reach the first `cap` postings, and `exact` tells whether that is all."""

    def __init__(self, results, cap: int):
        self.results = results
        self.cap = cap
        self.exact = True

    def count(self) -> int:
        read_in_order = isinstance(self.results, ReadInOrder)
        queryset = self.results.queryset if read_in_order else self.results
        # posted_at, a column of the job_public index: PostgreSQL counts public postings from
        # that index alone when no other filter applies.
        # (Compiled once for the count and the page where the results read in their order.)
        compiled = self.results.compiled if read_in_order else CompiledFilters.of(queryset)
        with engine.planned_from_the_index(queryset):
            if compiled is not None:
                found = compiled.count_up_to(self.cap + 1, "posted_at")
            else:
                found = queryset.order_by().values("posted_at")[: self.cap + 1].count()
        self.exact = found <= self.cap
        if self.exact and read_in_order:
            self.results.matches = found
        return min(found, self.cap)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        return self.results[index]

    def label(self, count: int) -> str:
        """“1,234”, or “10,000+” when there are more than the cap."""
        return f"{count:,}" if self.exact else f"{count:,}+"


def count_label(count: int, cap: int | None = None) -> str:
    """“1,234”, or “1,000+” past a cap of 1,000."""
    return f"{cap:,}+" if cap is not None and count > cap else f"{count:,}"
