"""The variants' addresses, headers and query counts, and the pages that show logos and guide
images."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from images.kinds import ARTICLE, HERO
from images.models import Image
from tests.factories import make_company, make_editor, make_guide, make_job
from tests.images.helpers import library_image, picture

pytestmark = pytest.mark.django_db


def url(image: Image, size: int, fmt: str) -> str:
    return reverse("images:variant", kwargs={"digest": image.pk, "size": size, "fmt": fmt})


def test_a_variant_is_served_with_year_long_immutable_headers(client, django_assert_num_queries):
    image = library_image()
    with django_assert_num_queries(1):
        response = client.get(url(image, 128, "webp"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert re.fullmatch(r'"[0-9a-f]{64}"', response["ETag"])  # strong: no W/
    assert response.content[:4] == b"RIFF" and "Content-Encoding" not in response
    assert "X-Page-Cache" not in response
    png = client.get(url(image, 256, "png"))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")


def test_a_browser_holding_it_gets_a_304(client):
    image = library_image()
    etag = client.get(url(image, 64, "png"))["ETag"]
    again = client.get(url(image, 64, "png"), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content


def test_a_signed_in_visitor_gets_the_same_cacheable_image(django_assert_num_queries):
    image = library_image()
    client = Client()
    client.force_login(make_editor())
    with django_assert_num_queries(1):  # no session or user query
        response = client.get(url(image, 64, "webp"))
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_unknown_images_sizes_and_formats_are_404(client):
    image = library_image()
    assert client.get(url(image, 65, "webp")).status_code == 404
    assert client.get(url(image, 64, "gif")).status_code == 404
    assert client.get(f"/images/{'0' * 32}.64.webp").status_code == 404
    assert client.get("/images/not-a-hash.64.webp").status_code == 404


def test_job_cards_and_page_show_the_logo_as_picture_without_a_query_per_logo(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    logo = library_image()
    for n in range(3):
        make_job(company=make_company(logo=logo if n else None))
    client.get(reverse("jobs:list"))  # warm
    with django_assert_max_num_queries(12) as few:
        listing = client.get(reverse("jobs:list") + "")
    counted = len(few.captured_queries)
    for n in range(5):
        make_job(company=make_company(logo=library_image(colour=(n, 0, 0))))
    with django_assert_max_num_queries(counted) as more:
        listing = client.get(reverse("jobs:list") + "")
    assert len(more.captured_queries) == counted
    html = listing.text
    assert f'<source type="image/webp" srcset="{url(logo, 64, "webp")} 1x' in html
    assert f"{url(logo, 128, 'png')} 2x" in html
    assert 'class="company-mark"' in html


def test_job_page_api_and_json_ld_give_the_absolute_logo_url(client):
    logo = library_image()
    job = make_job(company=make_company(logo=logo))
    page = client.get(job.get_absolute_url()).text
    expected = f"http://testserver{url(logo, 256, 'png')}"
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1)
    )
    posting = data if data.get("@type") == "JobPosting" else None
    assert posting is not None and posting["hiringOrganization"]["logo"] == expected
    assert f"{url(logo, 64, 'webp')} 1x" in page
    api = client.get(f"/api/v1/companies/{job.company.slug}/")
    if api.status_code == 404:
        api = client.get(f"/api/companies/{job.company.slug}/")
    assert api.json()["logo"] == expected


def test_a_company_without_logo_keeps_its_initials(client):
    job = make_job(company=make_company(name="Quiet Labs"))
    page = client.get(job.get_absolute_url()).text
    assert ">QL</span>" in page


def test_the_guide_shows_its_hero_image_and_gives_it_to_link_previews(client):
    hero = library_image(HERO)
    guide = make_guide(hero_image=hero, hero_image_alt="A chart of pay by level")
    page = client.get(guide.get_absolute_url()).text
    og = f"http://testserver{url(hero, 1200, 'jpg')}"
    assert f'<meta property="og:image" content="{og}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert 'alt="A chart of pay by level"' in page and f"{url(hero, 600, 'webp')} 600w" in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    article = next(b for b in map(json.loads, blocks) if b.get("@type") == "Article")
    assert article["image"] == [og]


def test_a_guide_without_image_has_a_small_card(client):
    page = client.get(make_guide().get_absolute_url()).text
    assert 'content="summary"' in page and "og:image" not in page


def test_article_pictures_only_from_the_library():
    from core.markup import markdown_problems, render_markdown

    image = library_image(ARTICLE)
    ours = f"![A chart]({url(image, 800, 'webp')})"
    assert markdown_problems(ours) == []
    assert f'src="{url(image, 800, "webp")}"' in render_markdown(ours)
    for other in ("![A chart](/media/chart.png)", "![A chart](https://elsewhere.example/c.png)"):
        assert "image library" in markdown_problems(other)[0]
        assert "<img" not in render_markdown(other)


def test_an_editor_uploads_to_the_library_and_gets_a_snippet():
    client = Client()
    client.force_login(make_editor())
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("chart.png", picture(size=(900, 300)), "image/png")
    response = client.post(
        reverse("admin:images_image_add"),
        {"kind": "article", "upload": upload, "alt_text": "Pay by level"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    image = Image.objects.get()
    assert image.uploaded_by is not None and image.variants.count() == 4
    page = client.get(reverse("admin:images_image_change", args=[image.pk])).text
    assert f"![Pay by level]({url(image, 800, 'webp')})" in page
    svg = SimpleUploadedFile("x.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png")
    refused = client.post(
        reverse("admin:images_image_add"), {"kind": "article", "upload": svg, "alt_text": "x"}
    )
    assert refused.status_code == 200 and "SVG images are not accepted" in refused.text


def test_an_editor_uploads_a_guide_hero_image_in_its_admin_with_alt_required():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from roles.models import Guide
    from tests.factories import make_role
    from tests.roles.test_admin import guide_form

    client = Client()
    client.force_login(make_editor())
    first, second = make_role(), make_role()

    def post(**extra):
        upload = SimpleUploadedFile("hero.jpg", picture("JPEG", size=(1600, 900)), "image/jpeg")
        data = guide_form(first_role=first.pk, second_role=second.pk, **extra)
        return client.post(reverse("admin:roles_guide_add"), {**data, "hero_image_upload": upload})

    refused = post()
    assert refused.status_code == 200
    assert "Describe the image" in refused.text and not Guide.objects.exists()
    saved = post(hero_image_alt="Two people at a whiteboard")
    assert saved.status_code == 302
    guide = Guide.objects.get()
    assert guide.hero_image.kind == HERO.name and guide.hero_image.width == 1600
    assert guide.hero_image_alt == "Two people at a whiteboard"
