"""A guide's version holds its credited authors: restoring it brings back the byline."""

import pytest
from django.urls import reverse
from reversion.models import Version

from tests.factories import make_author, make_editor, make_guide
from tests.roles.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def test_restoring_a_version_brings_back_its_authors(client):
    client.force_login(make_editor())
    priya, sam = make_author(name="Priya Raman"), make_author(name="Sam Lee")
    guide = make_guide(authors=[priya])
    url = reverse("admin:roles_guide_change", args=[guide.pk])
    data = change_form_data(client.get(url))
    assert client.post(url, {**data, "introduction": "Once."}).status_code == 302
    (first,) = Version.objects.get_for_object(guide)
    data = change_form_data(client.get(url))
    data.update({"credits-0-author": str(sam.pk)})
    assert client.post(url, data).status_code == 302
    assert guide.credited_authors == [sam]

    restore_url = reverse("admin:roles_guide_revision", args=[guide.pk, first.pk])
    page = client.get(restore_url)
    assert client.post(restore_url, change_form_data(page)).status_code == 302
    guide.refresh_from_db()
    del guide.credited_authors
    assert guide.credited_authors == [priya]
