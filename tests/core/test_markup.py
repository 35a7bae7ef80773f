import pytest

from core.markup import labelled_lines, lines, reading_minutes, render_markdown

HOSTILE = [
    ("<script>alert(1)</script>hello", "<script"),
    ('<img src="x" onerror="alert(1)">', "onerror"),
    ("[click](javascript:alert(1))", "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript:"),
    ('<p style="position:fixed">x</p>', "style="),
    ("<iframe src='https://evil.example'></iframe>", "<iframe"),
    ("<svg onload=alert(1)>", "onload"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
    ("[x](vbscript:msgbox)", "vbscript"),
    ("![x](x){: onerror=alert(1) }", "onerror"),
]


@pytest.mark.parametrize(("source", "forbidden"), HOSTILE)
def test_hostile_markdown_is_neutralised(source, forbidden):
    assert forbidden not in render_markdown(source).lower()


def test_markdown_keeps_ordinary_formatting():
    html = render_markdown("Some **bold**, a [link](https://example.com) and\n\n- a list")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.com" rel="noopener noreferrer">link</a>' in html
    assert "<li>a list</li>" in html


def test_blank_markdown_renders_nothing():
    assert render_markdown("  \n ") == ""


def test_lines_drop_blanks_and_list_markers():
    assert lines("- one\n\n* two\n  three  \n") == ["one", "two", "three"]


def test_labelled_lines_split_on_first_colon():
    assert labelled_lines("Frameworks: PyTorch, JAX\nFinance") == [
        ("Frameworks", "PyTorch, JAX"),
        ("Finance", ""),
    ]


def test_reading_minutes_rounds_up_and_is_at_least_one():
    assert reading_minutes("") == 1
    assert reading_minutes("word " * 230) == 1
    assert reading_minutes("word " * 231) == 2
    assert reading_minutes("<p>" + "word " * 460 + "</p>", "word") == 3
