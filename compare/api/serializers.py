"""A comparison as JSON: what the comparison page shows, as data."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compare.comparison import Comparison, Side
from compare.split import KindSplit, Split
from jobs.api.serializers import JobSerializer
from roles.api.serializers import GuideSerializer, RoleDetailSerializer
from salaries.api.serializers import FiguresSerializer


class SplitSerializer(serializers.Serializer):
    shared = serializers.ListField(child=serializers.CharField(), help_text="In both lists.")
    only_first = serializers.ListField(child=serializers.CharField())
    only_second = serializers.ListField(child=serializers.CharField())

    def to_representation(self, instance: Split) -> dict:
        return {
            "shared": instance.shared,
            "only_first": instance.only_first,
            "only_second": instance.only_second,
        }


class KindSplitSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="“Frameworks”, “Programming languages”…")
    tools = SplitSerializer()

    def to_representation(self, instance: KindSplit) -> dict:
        return {"kind": instance.kind, "tools": SplitSerializer(instance.tools).data}


class RequestedSkillSerializer(serializers.Serializer):
    skill = serializers.CharField()
    postings = serializers.IntegerField(help_text="Of the role's newest open postings read.")


class SideSerializer(serializers.Serializer):
    role = RoleDetailSerializer()
    open_jobs = serializers.IntegerField(help_text="Open postings for the role now.")
    newest_jobs = JobSerializer(many=True, source="jobs")
    pay_overall = FiguresSerializer(source="overall", help_text="Global, every level.")
    pay_by_level = FiguresSerializer(many=True, source="by_level")
    requested_skills = serializers.SerializerMethodField()

    @extend_schema_field(RequestedSkillSerializer(many=True))
    def get_requested_skills(self, side: Side) -> list[dict]:
        return [{"skill": skill, "postings": n} for skill, n in side.requested]


class ComparisonSerializer(serializers.Serializer):
    """The two roles in the order asked for; `first` and `second` in the splits follow it."""

    url = serializers.SerializerMethodField(help_text="The comparison page.")
    canonical_url = serializers.SerializerMethodField(
        help_text="The editors' guide comparing the two roles when there is one, else the page."
    )
    first = SideSerializer()
    second = SideSerializer()
    guide = GuideSerializer(allow_null=True, help_text="The editors' guide on this pair.")
    guides = GuideSerializer(many=True, help_text="Other guides about either role.")
    skills = SplitSerializer()
    tools = KindSplitSerializer(many=True)
    industries = SplitSerializer()
    requested_skills = SplitSerializer(
        source="requested", help_text="The postings' most requested skills, split."
    )
    summary = serializers.ListField(child=serializers.CharField(), read_only=True)
    indexable = serializers.BooleanField(
        source="says_something", help_text="False when neither role has pay or open jobs."
    )

    def _absolute(self, url: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url

    def get_url(self, comparison: Comparison) -> str:
        return self._absolute(comparison.pair.get_absolute_url())

    def get_canonical_url(self, comparison: Comparison) -> str:
        return self._absolute((comparison.guide or comparison.pair).get_absolute_url())
