import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from jobs.models import Company, Job
from roles.models import Guide, GuideSection, Role, Status

pytestmark = pytest.mark.django_db
FLAGSHIP = "deep-learning-engineer-vs-lead-machine-learning-engineer"


def test_demo_content_loads_and_reloads_without_duplicates(settings, client):
    settings.DEBUG = False
    call_command("load_demo", stdout=None)
    counts = Role.objects.count(), Guide.objects.count(), GuideSection.objects.count()
    job_counts = Company.objects.count(), Job.objects.count()
    call_command("load_demo")
    assert (Role.objects.count(), Guide.objects.count(), GuideSection.objects.count()) == counts
    assert (Company.objects.count(), Job.objects.count()) == job_counts
    assert Job.objects.public().count() >= 200
    assert counts[0] >= 8
    assert Guide.objects.published().count() >= 5

    flagship = Guide.objects.get(slug=FLAGSHIP)
    kinds = [s.kind for s in flagship.sections.all()]
    for kind in ["definition", "responsibilities", "skills", "education", "tools", "industries"]:
        assert kind in kinds
    assert flagship.tips.count() >= 4 and flagship.outlook and flagship.conclusion
    response = client.get(flagship.get_absolute_url())
    assert response.status_code == 200
    assert "min read" in response.content.decode()

    # Every demo guide is credited to the demo's editorial persona, whose page says what it is.
    assert not Guide.objects.filter(credits=None).exists()
    author = flagship.credited_authors[0]
    assert f'By <a href="{author.get_absolute_url()}" rel="author">{author.name}</a>' in (
        response.text
    )
    assert "Last reviewed" in response.text
    profile = client.get(author.get_absolute_url())
    assert profile.status_code == 200 and "fictional" in profile.text
    assert flagship.title in profile.text


def test_no_editor_account_when_debug_is_off(settings):
    settings.DEBUG = False
    call_command("load_demo")
    assert not get_user_model().objects.filter(username="editor").exists()


def test_demo_editor_is_a_non_superuser_editor(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    editor = get_user_model().objects.get(username="editor")
    assert editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name="Editors").exists()
    assert editor.groups.filter(name="Moderators").exists()
    assert "password" in capsys.readouterr().out
    # The guides' demo author is the editor's byline: guides they start are credited to it.
    assert Guide.objects.filter(authors__user=editor, status=Status.PUBLISHED).exists()


def test_the_demo_employers_company_is_verified_by_its_confirmed_address(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # again: one verification, not two
    verified = Company.objects.filter(verified_at__isnull=False)
    assert [c.name for c in verified] == ["Tessellate AI"]
    assert verified.get().verified_how == "email"
    assert verified.get().events.count() == 1
    # Every demo company has its name skeleton, so a look-alike sign-up finds it.
    assert not Company.objects.filter(name_skeleton="").exists()
    assert Company.objects.look_alike("Tesse11ate Al").name == "Tessellate AI"
