"""schema.org JSON-LD for an author's profile page (Person) and a guide's bylines."""

from django.http import HttpRequest

from authors.models import Author
from images.kinds import PORTRAIT
from images.models import variant_url


def person(author: Author, request: HttpRequest) -> dict:
    """The author as a byline names them: their name, their page and their photo."""
    data = {
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }
    if author.photo_id:
        path = variant_url(author.photo_id, PORTRAIT.largest, PORTRAIT.fallback)
        data["image"] = request.build_absolute_uri(path)
    return data


def profile_json_ld(author: Author, request: HttpRequest) -> dict:
    data = {"@context": "https://schema.org", **person(author, request)}
    if author.role_line:
        data["jobTitle"] = author.role_line
    links = [url for _, url in author.links]
    if links:
        data["sameAs"] = links
    return data
