import pytest

from demo.images import give_hero_images, give_logos, hero_png, logo_png
from jobs.models import Company
from roles.models import Guide
from tests.factories import make_company, make_guide

pytestmark = pytest.mark.django_db


def test_every_company_gets_its_own_logo_and_every_guide_a_hero_image_once():
    for name in ("Acme Robotics", "Beta Vision", "Cortex Labs"):
        make_company(name=name)
    guides = [make_guide(), make_guide()]
    assert give_logos(Company.objects.all()) == 3
    logos = set(Company.objects.values_list("logo", flat=True))
    assert len(logos) == 3 and None not in logos  # distinct per company
    assert give_hero_images(Guide.objects.all()) == 2
    for guide in Guide.objects.filter(pk__in=[g.pk for g in guides]):
        assert guide.hero_image.kind == "hero" and guide.hero_image_alt
    assert give_logos(Company.objects.all()) == 0  # reloading keeps them
    assert give_hero_images(Guide.objects.all()) == 0


def test_the_pictures_are_the_same_for_the_same_name():
    assert logo_png("Acme") == logo_png("Acme") != logo_png("Acme Robotics")
    assert hero_png("A guide") == hero_png("A guide")
