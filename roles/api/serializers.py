"""Roles and guides as JSON: the structured records, and the sanitized HTML rendered on save."""

from collections.abc import Mapping
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import PageUrlField
from authors.models import Author
from roles.models import Guide, GuideSection, GuideTip, Role, SectionKind
from roles.outline import outline


class ToolGroupSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="“Frameworks”, “Programming languages”…")
    tools = serializers.ListField(child=serializers.CharField())


class IndustrySerializer(serializers.Serializer):
    industry = serializers.CharField()
    examples = serializers.CharField(help_text="May be empty.")


def tool_groups(role: Role) -> list[dict]:
    return [{"kind": kind, "tools": tools} for kind, tools in role.tool_groups]


def industries(role: Role) -> list[dict]:
    return [{"industry": name, "examples": examples} for name, examples in role.industry_list]


class RoleRefSerializer(serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = Role
        fields = ["slug", "name", "url"]


class RoleSerializer(serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = Role
        fields = ["slug", "name", "url", "summary", "updated_at"]


class RoleDetailSerializer(RoleSerializer):
    responsibilities = serializers.ListField(
        source="responsibility_list", child=serializers.CharField(), read_only=True
    )
    skills = serializers.ListField(
        source="skill_list", child=serializers.CharField(), read_only=True
    )
    education = serializers.ListField(
        source="education_list", child=serializers.CharField(), read_only=True
    )
    tools = serializers.SerializerMethodField()
    industries = serializers.SerializerMethodField()
    salary_titles = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta(RoleSerializer.Meta):
        fields = [
            *RoleSerializer.Meta.fields,
            "definition_html",
            "responsibilities",
            "skills",
            "education",
            "tools",
            "industries",
            "salary_titles",
        ]

    @extend_schema_field(ToolGroupSerializer(many=True))
    def get_tools(self, role: Role) -> list[dict]:
        return tool_groups(role)

    @extend_schema_field(IndustrySerializer(many=True))
    def get_industries(self, role: Role) -> list[dict]:
        return industries(role)


class RoleBlockSerializer(serializers.Serializer):
    """One role's block in a section: the part of the role's record the section is about (the
    field for the section's kind; the others are null) and the notes written for it."""

    role = RoleRefSerializer()
    definition_html = serializers.CharField(allow_null=True)
    items = serializers.ListField(
        child=serializers.CharField(),
        allow_null=True,
        help_text="Responsibilities, skills or education, one entry each.",
    )
    tools = ToolGroupSerializer(many=True, allow_null=True)
    industries = IndustrySerializer(many=True, allow_null=True)
    notes_html = serializers.CharField()


ITEM_LISTS: dict[str, str] = {
    SectionKind.RESPONSIBILITIES: "responsibility_list",
    SectionKind.SKILLS: "skill_list",
    SectionKind.EDUCATION: "education_list",
}


def role_block(
    section: GuideSection, role: Role, notes_html: str, context: Mapping[str, Any]
) -> dict:
    """A custom section shows notes only: every role-data field is null."""
    kind = section.kind
    return {
        "role": RoleRefSerializer(role, context=context).data,
        "definition_html": role.definition_html if kind == SectionKind.DEFINITION else None,
        "items": getattr(role, ITEM_LISTS[kind]) if kind in ITEM_LISTS else None,
        "tools": tool_groups(role) if kind == SectionKind.TOOLS else None,
        "industries": industries(role) if kind == SectionKind.INDUSTRIES else None,
        "notes_html": notes_html,
    }


class SectionSerializer(serializers.Serializer):
    anchor = serializers.CharField(help_text="The section's id on the guide page (url#anchor).")
    kind = serializers.ChoiceField(choices=SectionKind.choices)
    title = serializers.CharField()
    intro_html = serializers.CharField()
    blocks = serializers.SerializerMethodField()

    @extend_schema_field(RoleBlockSerializer(many=True))
    def get_blocks(self, section: GuideSection) -> list[dict]:
        guide = self.context["guide"]
        notes = [section.first_role_notes_html, section.second_role_notes_html]
        return [
            role_block(section, role, notes[i], self.context)
            for i, role in enumerate(guide.roles)
            if role.is_public
        ]


class TipSerializer(serializers.ModelSerializer):
    class Meta:
        model = GuideTip
        fields = ["lead_in", "text_html"]


class AuthorRefSerializer(serializers.ModelSerializer):
    url = PageUrlField(help_text="The author's profile page.")

    class Meta:
        model = Author
        fields = ["name", "url"]


class GuideSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    roles = RoleRefSerializer(many=True, read_only=True, source="public_roles")
    authors = AuthorRefSerializer(
        many=True, read_only=True, source="credited_authors", help_text="In the byline's order."
    )

    class Meta:
        model = Guide
        fields = [
            "slug",
            "title",
            "url",
            "subtitle",
            "description",
            "roles",
            "authors",
            "reading_minutes",
            "published_at",
            "last_reviewed",
            "updated_at",
        ]


class GuideDetailSerializer(GuideSerializer):
    sections = serializers.SerializerMethodField()
    tips = serializers.SerializerMethodField()

    class Meta(GuideSerializer.Meta):
        fields = [
            *GuideSerializer.Meta.fields,
            "introduction_html",
            "sections",
            "outlook_html",
            "tips",
            "conclusion_html",
        ]

    @extend_schema_field(SectionSerializer(many=True))
    def get_sections(self, guide: Guide) -> list[dict]:
        sections, tips = list(guide.sections.all()), list(guide.tips.all())
        outline(guide, sections, tips)  # gives each section the anchor the page uses
        context = {**self.context, "guide": guide}
        serializer = SectionSerializer(sections, many=True, context=context)
        # With many=True, .data is a list (a ReturnList); the DRF stubs type it as a dict.
        return serializer.data  # type: ignore[return-value]

    @extend_schema_field(TipSerializer(many=True))
    def get_tips(self, guide: Guide) -> list[dict]:
        tips = TipSerializer(guide.tips.all(), many=True, context=self.context)
        return tips.data  # type: ignore[return-value]  # a list, as above
