from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = "Roles and guides"

    def ready(self) -> None:
        from core.page_changes import retire_pages_on_change
        from roles.models import Guide, GuideAuthor, GuideSection, GuideTip, Role

        retire_pages_on_change(Role, Guide, GuideSection, GuideTip, GuideAuthor)
