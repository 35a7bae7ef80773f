from django import template

from jobs import review

register = template.Library()


@register.inclusion_tag("admin/jobs/includes/postings_waiting.html")
def postings_waiting():
    """The admin index's line "N postings waiting", linking to the queue: one count query."""
    return {"count": review.waiting_count()}
