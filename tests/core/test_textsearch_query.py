"""The search syntax: parsed the same way for every database, whatever is typed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.textsearch.highlight import highlight, highlight_html
from core.textsearch.query import MAX_QUERY_LENGTH, MAX_TERMS, Term, parse


def words(query) -> list[list[tuple[str, ...]]]:
    return [[term.words for term in clause] for clause in query.clauses]


@pytest.mark.parametrize(
    ("text", "clauses", "excluded"),
    [
        ("data engineer", [[("data",)], [("engineer",)]], []),
        ('"machine learning" -intern', [[("machine", "learning")]], [("intern",)]),
        ("pytorch or jax", [[("pytorch",), ("jax",)]], []),
        ("pytorch OR jax", [[("pytorch",), ("jax",)]], []),
        ("senior data or ml engineer", [[("senior",)], [("data",), ("ml",)], [("engineer",)]], []),
        ('-"big corp" nlp', [[("nlp",)]], [("big", "corp")]),
        ("scikit-learn", [[("scikit", "learn")]], []),
        ('"unclosed phrase', [[("unclosed", "phrase")]], []),
        ("or or data or", [[("data",)]], []),
        ("-intern", [], [("intern",)]),
        ("' OR 1=1 --", [[("1", "1")]], []),
        ("!!! ... ---", [], []),
        ("", [], []),
    ],
)  # fmt: skip
def test_syntax(text, clauses, excluded):
    query = parse(text)
    assert words(query) == clauses
    assert [term.words for term in query.excluded] == excluded
    assert bool(query) == bool(clauses)


def test_only_the_last_plain_word_is_a_prefix_while_typing():
    assert parse("data engi").clauses[-1] == [Term(("engi",), prefix=True)]
    assert parse("data engi").clauses[0] == [Term(("data",))]
    # A finished word (followed by a space), a phrase or an excluded word is not a prefix.
    assert not any(term.prefix for term in parse("data engi ").terms)
    assert not any(term.prefix for term in parse('"data engi"').terms)
    assert not any(term.prefix for term in parse("data -engi").terms)


def test_limits():
    query = parse(" ".join(f"word{n}" for n in range(50)))
    assert len(query.terms) == MAX_TERMS
    assert len(str(parse("x" * 10_000))) <= MAX_QUERY_LENGTH


@given(st.text(max_size=300))
def test_any_text_parses_to_letters_and_digits_only(text):
    query = parse(text)
    for term in query.terms + query.excluded:
        for word in term.words:
            assert word and all(ch.isalnum() for ch in word)


def test_highlight_escapes_everything_but_its_own_marks():
    query = parse("script engineer")
    html = highlight('<script>alert("engineering")</script> & Engineers', query)
    assert "<script>" not in html
    assert "&lt;<mark>script</mark>&gt;" in html
    assert "<mark>engineering</mark>" in html and "<mark>Engineers</mark>" in html
    assert "&amp;" in html


def test_highlight_html_cuts_around_the_first_match_and_keeps_entities_single():
    text = "<p>" + "filler words here " * 40 + "the <b>PyTorch</b> team &amp; friends</p>"
    html = highlight_html(text, parse("pytorch"), length=120)
    assert html.startswith("… ") and "<mark>PyTorch</mark>" in html
    assert "&amp; friends" in html and "&amp;amp;" not in html
    assert len(html) < 250
