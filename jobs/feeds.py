"""RSS and Atom feeds of public jobs; they take the job search's own filters (`/feeds/jobs/?…`)."""

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from core.page_cache import do_not_store
from jobs.filters import JobFilter
from jobs.models import Job
from roles.feeds import XmlSafeFeed

FEED_SIZE = 50


class JobsFeed(XmlSafeFeed):
    def get_object(self, request) -> JobFilter:
        jobs = Job.objects.public().select_related("company", "role")
        filterset = JobFilter(request.GET, queryset=jobs, request=request)
        filterset.query_string = request.GET.urlencode()
        if not filterset.is_valid():
            do_not_store(request)  # an unknown role or company: answered, not kept
        return filterset

    def title(self, filterset: JobFilter) -> str:
        labels = [label for label, _ in filterset.active_filters()]
        return f"Jobs — {'; '.join(labels)}" if labels else "Jobs in AI, machine learning and data"

    def description(self, filterset: JobFilter) -> str:
        return "New openings matching this search, newest first."

    def link(self, filterset: JobFilter) -> str:
        query = filterset.query_string
        return reverse("jobs:list") + (f"?{query}" if query else "")

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

    def item_updateddate(self, job: Job):
        return job.updated_at

    def item_categories(self, job: Job) -> list[str]:
        role = [job.role.name] if job.role and job.role.is_public else []
        return role + job.skill_list


class JobsAtomFeed(JobsFeed):
    feed_type = Atom1Feed

    def subtitle(self, filterset: JobFilter) -> str:
        return self.description(filterset)
