import pytest

from core.markup import (
    MAX_MARKDOWN_CHARS,
    labelled_lines,
    lines,
    markdown_problems,
    reading_minutes,
    render_markdown,
    word_count,
)

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


def test_headings_take_their_place_in_the_page_outline():
    assert render_markdown("# Top\n\n## Under it") == "<h3>Top</h3>\n<h4>Under it</h4>"
    assert render_markdown("# In a role block", top_heading=4) == "<h4>In a role block</h4>"
    assert render_markdown("###### Deepest\n\nSetext\n---", top_heading=4).startswith("<h6>")


def test_images_of_the_library_are_shown_with_their_description():
    src = "/images/" + "a" * 32 + ".800.webp"
    html = render_markdown(f"![A bar chart of pay]({src})")
    assert html == f'<p><img alt="A bar chart of pay" loading="lazy" src="{src}"></p>'


@pytest.mark.parametrize(
    "source", ["![chart](https://elsewhere.example/c.png)", "![](/media/c.png)",
               "![chart](/media/c.png)", "![chart](/images/../admin/x.png)",
               "![chart](//elsewhere.example/c.png)"],
)  # fmt: skip
def test_images_that_cannot_be_shown_are_refused_and_never_an_empty_paragraph(source):
    (problem,) = markdown_problems(source)
    assert "image" in problem
    assert render_markdown(source) != "<p></p>"
    assert "<img" not in render_markdown(source)


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
             "data:text/html,x", "vbscript:msgbox", "&#106;avascript:alert(1)"],
)  # fmt: skip
def test_links_with_a_refused_scheme_are_refused_and_shown_as_text(href):
    source = f"Read [the notes]({href}) first."
    (problem,) = markdown_problems(source)
    assert "cannot be used" in problem
    assert render_markdown(source) == "<p>Read the notes first.</p>"


def test_ordinary_links_and_text_have_no_problems():
    source = "[jobs](/jobs/), [mail](mailto:a@example.com), [web](http://example.com)\n\n# Hi"
    assert markdown_problems(source) == []
    assert markdown_problems("# A heading", headings=False) == [
        "Headings do not fit here; write plain sentences (bold is fine)."
    ]


def test_tables_scroll_in_their_own_box():
    html = render_markdown("| A | B |\n|---|---|\n| 1 | 2 |")
    assert html.startswith('<div class="table-scroll" tabindex="0"><table>')
    assert html.endswith("</table></div>")


def test_bodies_have_an_upper_bound():
    assert markdown_problems("x" * MAX_MARKDOWN_CHARS) == []
    (problem,) = markdown_problems("x" * (MAX_MARKDOWN_CHARS + 1))
    assert "200,001 characters" in problem


def test_reading_time_counts_words_not_markup():
    table = "| A | B |\n|---|---|\n" + "| word | word |\n" * 115
    assert word_count(table) == 232
    assert word_count("[the notes](https://example.com/a-very/long/address)") == 2
    assert reading_minutes("word " * 46_000) == 200
