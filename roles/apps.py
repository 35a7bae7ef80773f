from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = "Roles and guides"

    def ready(self) -> None:
        from core.page_changes import retire_pages_on_change
        from roles.models import AuthorProfile, Guide, GuideSection, GuideTip, Role

        # An author's display name is in the bylines of every guide page (rare: all retire).
        retire_pages_on_change(Role, Guide, GuideSection, GuideTip, AuthorProfile)
