"""The three-way split of two roles' skills and tools, on hand-made lists."""

from compare.pairs import pair_slug, readings
from compare.split import item_key, split, split_tools


def test_skills_split_ignores_case_spacing_and_full_stops():
    first = ["PyTorch", "SQL", "  Data   modelling.", "Statistics", "pytorch"]
    second = ["pytorch", "data modelling", "dbt", "Git"]
    result = split(first, second)
    assert result.shared == ["PyTorch", "Data   modelling."]
    assert result.only_first == ["SQL", "Statistics"]  # "pytorch" again is not a new skill
    assert result.only_second == ["dbt", "Git"]


def test_empty_lists_split_to_nothing():
    assert not split([], [])
    assert split(["Python"], []).only_first == ["Python"]


def test_tools_split_kind_by_kind_with_kinds_matched_like_items():
    first = [("Frameworks", ["PyTorch", "JAX"]), ("Version control", ["Git"])]
    second = [("frameworks", ["pytorch", "scikit-learn"]), ("Deployment", ["Docker"])]
    groups = split_tools(first, second)
    assert [group.kind for group in groups] == ["Frameworks", "Version control", "Deployment"]
    frameworks, version_control, deployment = (group.tools for group in groups)
    assert (frameworks.shared, frameworks.only_first, frameworks.only_second) == (
        ["PyTorch"],
        ["JAX"],
        ["scikit-learn"],
    )
    assert (version_control.only_first, version_control.only_second) == (["Git"], [])
    assert (deployment.only_first, deployment.only_second) == ([], ["Docker"])


def test_item_key():
    assert item_key("  PyTorch ") == item_key("pytorch") == "pytorch"
    assert item_key("C++") != item_key("C")


def test_pair_slug_is_alphabetical_and_readings_cut_at_every_vs():
    assert pair_slug("lead-ml", "deep-learning") == "deep-learning-vs-lead-ml"
    assert readings("a-vs-b-vs-c") == [("a", "b-vs-c"), ("a-vs-b", "c")]
    assert readings("-vs-b") == [] and readings("a-vs-") == [] and readings("ab") == []
