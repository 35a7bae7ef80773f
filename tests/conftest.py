import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The hashed-name manifest only exists after collectstatic; tests use plain static URLs.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
