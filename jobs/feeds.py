"""RSS and Atom feeds of public jobs; they take the job search's own filters (`/feeds/jobs/?…`)."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from core import page_query
from core.page_cache import do_not_store
from jobs.filters import JOB_FEED_QUERY, JobFilter
from jobs.models import Job
from roles.feeds import XmlSafeFeed

FEED_SIZE = 50


class InvalidFilters(Exception):
    """A filter value the feed cannot apply; answered with a 400 that says which."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def feed_filters(request: HttpRequest) -> str:
    """The feed's filters as a query string, written one way (unknown parameters dropped): the
    address the feed names itself by and the search page it links to."""
    try:
        query = JOB_FEED_QUERY.canonical(request.GET)
    except page_query.Invalid:  # not reached once the filters validate; kept for safety
        query = request.GET.copy()
        for name in list(query):
            if name not in JOB_FEED_QUERY.rules:
                del query[name]
    return query.urlencode()


class JobsFeed(XmlSafeFeed):
    def __call__(self, request, *args, **kwargs) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilters as invalid:
            # A reader cannot show a form's error, and an unfiltered feed under a filtered
            # address would subscribe someone to what they did not ask for.
            lines = [f"{name}: {' '.join(errors)}" for name, errors in invalid.errors.items()]
            text = "This feed's filters are not valid:\n" + "\n".join(lines) + "\n"
            return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")

    def get_object(self, request) -> JobFilter:
        jobs = Job.objects.public().select_related("company", "role")
        filterset = JobFilter(request.GET, queryset=jobs, request=request)
        if not filterset.is_valid():
            errors = {
                name: [str(error) for error in errors]
                for name, errors in filterset.form.errors.items()
                if name in JOB_FEED_QUERY.rules  # the order and page do not apply to a feed
            }
            if errors:
                raise InvalidFilters(errors)
        filterset.query_string = feed_filters(request)
        filterset.feed_path = request.path  # type: ignore[attr-defined]
        return filterset

    def title(self, filterset: JobFilter) -> str:
        labels = [label for label, _ in filterset.active_filters()]
        return f"Jobs — {'; '.join(labels)}" if labels else "Jobs in AI, machine learning and data"

    def description(self, filterset: JobFilter) -> str:
        return "New openings matching this search, newest first."

    def link(self, filterset: JobFilter) -> str:
        query = filterset.query_string
        return reverse("jobs:list") + (f"?{query}" if query else "")

    def feed_url(self, filterset: JobFilter) -> str:
        """The self link: this feed with its filters, so a reader subscribes to this search."""
        query = filterset.query_string
        return filterset.feed_path + (f"?{query}" if query else "")  # type: ignore[attr-defined]

    def items(self, filterset: JobFilter):
        # Readers want the newest first, whatever order the page shows.
        jobs = list(filterset.qs.newest()[:FEED_SIZE])
        typed = filterset.form.cleaned_data
        searched = typed.get("q") or typed.get("location")
        if not jobs and searched and filterset.request is not None:
            do_not_store(filterset.request)  # a search that finds nothing, as on /jobs/
        return jobs

    def item_title(self, job: Job) -> str:
        return f"{job.title} at {job.company.name} ({job.location_label})"

    def item_description(self, job: Job) -> str:
        facts = [job.get_employment_type_display(), job.get_experience_level_display()]
        if job.has_salary:
            facts.append(job.salary_label)
        return f"<p><strong>{escape(' · '.join(facts))}</strong></p>{job.description_html}"

    def item_pubdate(self, job: Job):
        return job.posted_at

    def item_author_name(self, job: Job) -> str:
        return job.company.name

    def item_author_link(self, job: Job) -> str | None:
        return job.company.website or None

    def item_updateddate(self, job: Job):
        return job.updated_at

    def item_categories(self, job: Job) -> list[str]:
        role = [job.role.name] if job.role and job.role.is_public else []
        return role + job.skill_list


class JobsAtomFeed(JobsFeed):
    feed_type = Atom1Feed

    def subtitle(self, filterset: JobFilter) -> str:
        return self.description(filterset)
