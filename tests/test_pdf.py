"""The learner and tutor PDFs: built once from the real course, then read back with pypdf and
Poppler (pdftotext, pdffonts) as a reader or a screen reader would meet them."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from pypdf import PdfReader

from crs import harvard, model, pdf, pdfdeps, printhtml, printviews, quizzes
from crs.coursetext import CourseText
from crs.errors import CourseError
from crs.questiontypes.base import Item, Option, Question
from crs.templating import render

KEY_ENTRY = re.compile(r"Key \d+ \(([a-z0-9-]+)\)")
TOC_LINE = re.compile(r"^(.+?)\s*\.{4,}\s*(\d+)$")


@pytest.fixture(scope="session")
def course_state():
    return model.load(ROOT)


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    paths = pdf.build(ROOT / "mkdocs.yml", out)
    return {path.stem.rsplit("-", 1)[1]: path for path in paths}


def pages_text(path: Path) -> list[str]:
    """Text of each page (pdftotext), with hyphenation undone and spacing collapsed."""
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [flat(page) for page in raw.split("\f")[:-1]]


def flat(text: str) -> str:
    text = re.sub("\u2010\\s*\n\\s*", "", text)  # a word hyphenated at a line end
    return re.sub(r"\s+", " ", text).strip()


def unhyphenated(text: str) -> str:
    """Text with hyphens dropped: pdftotext joins a word broken at its own hyphen ('co-' at a
    line end, 'production' on the next) without it."""
    return re.sub("[-\u2010]", "", text)


def plain(markdown_text: str) -> str:
    """What a reader sees of a bit of course Markdown."""
    rendered = CourseText.default().html(markdown_text)
    return flat(html.unescape(re.sub(r"<[^>]+>", "", rendered)))


@pytest.fixture(scope="session")
def texts(pdfs) -> dict[str, list[str]]:
    return {edition: pages_text(path) for edition, path in pdfs.items()}


def all_questions(state) -> list[Question]:
    return [q for quiz in state.course.quizzes.values() for q in quiz.questions]


# -- the real PDFs ------------------------------------------------------------------------------


def test_both_editions_are_built_as_named(pdfs):
    assert sorted(p.name for p in pdfs.values()) == [
        "co-production-learner.pdf",
        "co-production-tutor.pdf",
    ]


@pytest.mark.parametrize("edition", ["learner", "tutor"])
def test_outline_has_an_entry_per_lesson_and_section(pdfs, course_state, edition):
    reader = PdfReader(pdfs[edition])

    def titles(items) -> list[str]:
        found = []
        for item in items:
            found.extend(titles(item) if isinstance(item, list) else [flat(item.title)])
        return found

    outline = titles(reader.outline)
    for lesson in course_state.course.lessons:
        assert lesson.title in outline
    assert {"Glossary", "References and further reading"} <= set(outline)
    assert "Where the idea comes from" in outline  # a section inside a lesson
    assert ("Answer key" in outline) == (edition == "tutor")


@pytest.mark.parametrize("edition", ["learner", "tutor"])
def test_every_toc_page_number_is_where_the_heading_is(texts, edition):
    pages = texts[edition]
    contents = next(i for i, text in enumerate(pages) if re.search(r"\.{10,}", text))
    entries = toc_entries(pages[contents])
    assert len(entries) >= 20
    for title, number in entries:
        assert title in pages[number - 1], f"TOC says '{title}' is on page {number}"
    # A chapter starts where the TOC says: its title heads that page and not the one before
    # (the running header repeats the title on each page of its chapter).
    chapters = [(t, n) for t, n in entries if pages[n - 1].startswith(t)]
    assert len(chapters) >= 8
    for title, number in chapters:
        assert not pages[number - 2].startswith(title), title


def toc_entries(contents_text: str) -> list[tuple[str, int]]:
    """(title, page) of each TOC line in the flattened text of the contents page."""
    body = contents_text.split("Contents", 2)[-1]
    body = re.sub(r"Page \d+ of \d+$", "", body).strip()
    return [(flat(t), int(n)) for t, n in re.findall(r"(.+?)\s*\.{4,}\s*(\d+)\s*", body)]


def test_every_lesson_title_question_prompt_and_reflection_prompt_is_printed(texts, course_state):
    for edition in ("learner", "tutor"):
        text = unhyphenated(" ".join(texts[edition]))
        for lesson in course_state.course.lessons:
            assert unhyphenated(lesson.title) in text, (edition, lesson.title)
        for question in all_questions(course_state):
            assert unhyphenated(plain(question.prompt)) in text, (edition, question.id)
        for reflection in course_state.course.reflections:
            assert unhyphenated(plain(reflection.prompt)) in text, (edition, reflection.id)


def test_every_quiz_option_is_printed_for_the_learner(texts, course_state):
    text = unhyphenated(" ".join(texts["learner"]))
    for question in all_questions(course_state):
        for option in question.options:
            assert unhyphenated(plain(option.text)) in text, question.id
        for item in question.items:
            assert unhyphenated(plain(item.text)) in text, question.id


def test_learner_edition_has_no_answer_key_and_no_answer_marks(texts, course_state):
    text = " ".join(texts["learner"])
    assert "Answer key" not in text
    assert KEY_ENTRY.findall(text) == []
    for mark in ("Correct:", "Not correct:", "Accepted answers", "Correct order", "Explanation:"):
        assert mark not in text
    assert "Tutor note" not in text
    for note in (n for page in course_state.course.pages for n in page.notes):
        assert plain(note.markdown)[:60] not in text


def test_tutor_edition_has_one_key_entry_per_question_and_the_notes(texts, course_state):
    text = " ".join(texts["tutor"])
    ids = [q.id for q in all_questions(course_state)]
    assert sorted(KEY_ENTRY.findall(text)) == sorted(ids)
    assert text.count("Tutor note") == sum(len(p.notes) for p in course_state.course.pages)


def test_each_key_names_its_source_passage_on_the_page_where_it_is(texts, course_state):
    pages = texts["tutor"]
    text = " ".join(pages)
    # One entry: "Source: <lesson> › <section> (p. N)"; neither part holds a › of its own.
    sources = re.findall(r"Source: ([^›]+?) › ([^›]+?) \(p\. (\d+)\)", text)
    assert len(sources) == len(all_questions(course_state))
    for _lesson, section, number in sources:
        assert section in pages[int(number) - 1], (section, number)


def test_the_matrix_is_a_table_kept_on_one_page(texts):
    for pages in texts.values():
        page = next(p for p in pages if "Responsibility for design of services (columns)" in p)
        assert "Traditional professional service provision" in page
        assert "Self-organised community provision" in page


def test_references_print_dois_and_urls_in_full(texts, course_state):
    text = " ".join(texts["learner"])
    for reference in course_state.references.values():
        for link in reference.links:
            assert link in text.replace(" ", ""), reference.id


@pytest.mark.parametrize("edition", ["learner", "tutor"])
def test_every_reference_prints_in_the_web_pages_harvard_form(texts, course_state, edition):
    """Both PDFs print the references page, so each entry reads as crs.harvard formats it."""
    text = unhyphenated(re.sub(r"\s+", "", " ".join(texts[edition])))
    for ref in course_state.references.values():
        entry = html.unescape(re.sub(r"<[^>]+>", "", harvard.entry_html(ref.csl, ref.links)))
        assert unhyphenated(re.sub(r"\s+", "", entry)) in text, ref.id
    assert "Takethislistintoyourreferencemanager" not in text


def test_glossary_terms_are_printed(texts, course_state):
    text = " ".join(texts["learner"])
    for term in course_state.terms:
        assert term.term in text


@pytest.mark.parametrize("edition", ["learner", "tutor"])
def test_cover_says_title_edition_and_date(texts, edition):
    cover = texts[edition][0]
    assert "Co-production: levels, types and models" in cover
    assert f"{edition.capitalize()} edition" in cover
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", cover)


@pytest.mark.parametrize("edition", ["learner", "tutor"])
def test_running_header_and_page_numbers(texts, edition):
    pages = texts[edition]
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {len(pages)}" in page
        assert f"{edition.capitalize()} edition" in page


@pytest.mark.parametrize("edition", ["learner", "tutor"])
def test_all_fonts_are_embedded(pdfs, edition):
    listing = subprocess.run(
        ["pdffonts", str(pdfs[edition])], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    for row in listing:
        # name type [type] encoding emb sub uni object ID: 'emb' is the fifth field from the end
        assert row.split()[-5] == "yes", row


@pytest.mark.parametrize("edition", ["learner", "tutor"])
def test_tagged_pdf_ua_1_with_title_and_language(pdfs, edition):
    reader = PdfReader(pdfs[edition])
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).startswith("en")
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", xmp), xmp
    assert "Co-production" in str(reader.metadata.title)


def test_a4_by_default(pdfs):
    box = PdfReader(pdfs["learner"]).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_words_are_hyphenated(pdfs):
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdfs["learner"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search("[a-z]\u2010\n[a-z]", raw), "no word is hyphenated at a line end"


# -- pure parts -----------------------------------------------------------------------------------


def test_letter_paper_by_option():
    css = render("print/print.css", paper=pdf.PAPERS["letter"], edition="Learner edition")
    assert "size: letter;" in css


def test_missing_weasyprint_libraries_name_the_debian_packages():
    def failing(name):
        raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: No such file")

    with pytest.raises(CourseError) as caught:
        pdfdeps.import_weasyprint(failing)
    message = str(caught.value)
    assert "WeasyPrint cannot load its system libraries" in message
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in message


def test_the_pdf_command_reports_missing_libraries_and_fails(monkeypatch, capsys, tmp_path):
    real = pdfdeps.import_weasyprint

    def failing(name):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pdf, "import_weasyprint", lambda: real(failing))
    assert pdf.main(["--out", str(tmp_path), "-f", str(ROOT / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "PDF build failed" in err and "apt-get install libpango-1.0-0" in err
    assert list(tmp_path.iterdir()) == []


def test_missing_fonts_name_their_debian_packages(tmp_path):
    present = tmp_path / "Present.ttf"
    present.write_bytes(b"")
    fonts = {str(present): "fonts-present", str(tmp_path / "Gone.ttf"): "fonts-gone"}
    assert pdfdeps.missing_fonts(fonts) == ["fonts-gone"]
    with pytest.raises(CourseError, match="apt-get install fonts-gone"):
        pdfdeps.check_fonts(fonts)


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("#growing-the-core-economy", "#definitions--growing-the-core-economy"),
        ("references.md#ostrom-1996", "#references--ostrom-1996"),
        ("models.html#the-cuts-scenario", "#models--the-cuts-scenario"),
        ("glossary.md", "#glossary"),
        ("https://doi.org/10.1/x", "https://doi.org/10.1/x"),
        ("workspace.html", None),  # a page left out of the PDF: the link text stays, unlinked
        ("assets/crs/workspace-export.schema.json", None),
    ],
)
def test_links_become_links_inside_the_pdf(href, expected):
    printed = {"definitions", "models", "references", "glossary"}
    assert printhtml.scoped_href(href, "definitions.md", printed) == expected


def test_ids_are_scoped_to_their_page_so_pages_cannot_clash():
    page = (
        '<h2 id="challenges">Challenges</h2><label for="q1">x</label>'
        '<section aria-labelledby="a b"></section><a href="#challenges">up</a>'
        '<a href="workspace.html">mine</a>'
    )
    assert printhtml.scope_ids(page, "models.md", {"models"}) == (
        '<h2 id="models--challenges">Challenges</h2><label for="models--q1">x</label>'
        '<section aria-labelledby="models--a models--b"></section>'
        '<a href="#models--challenges">up</a><a>mine</a>'
    )


def test_headings_skip_screen_only_ones():
    page = (
        '<h2 id="a">First <em>one</em></h2><h2 class="crs-screen-only" id="downloads">D</h2>'
        "<h3 id='x'>no double quotes</h3><h3 id=\"b\">Second</h3>"
    )
    found = [(h.level, h.id, h.text) for h in printhtml.headings(page)]
    assert found == [(2, "a", "First one"), (3, "b", "Second")]


def _question(**fields) -> Question:
    base = dict(
        id="q-1",
        type="single",
        prompt="Which *one*?",
        explanation="Because.",
        source_page="models.md",
        source_anchor="models",
        source_quote="quote",
        line=1,
    )
    return Question(**{**base, **fields})


def test_a_printed_quiz_shows_every_option_and_no_answer():
    question = _question(
        options=(
            Option("Right one", True, "FEEDBACK-RIGHT", 2),
            Option("Wrong one", False, "FEEDBACK-WRONG", 3),
        )
    )
    quiz = quizzes.Quiz("demo", "Demo quiz", None, (question,), Path("demo.yml"), 1)
    printed = printviews.render_print_quiz(quiz, CourseText.default())
    assert "Right one" in printed and "Wrong one" in printed
    assert "Tick one." in printed and printed.count("crs-box--round") == 2
    for secret in ("FEEDBACK", "Because.", "correct", "quote"):
        assert secret not in printed


def test_an_answer_key_entry_has_answer_feedback_explanation_and_source():
    question = _question(
        type="true-false", answer=False, feedback={"true": "No, look again.", "false": "Yes."}
    )
    entry = printviews.key_view(
        1, question, CourseText.default(), "#models--models", "Models › Models"
    )
    assert [(str(c.text), c.correct) for c in entry.choices] == [("True", False), ("False", True)]
    assert "No, look again." in entry.choices[0].feedback
    assert "Because." in entry.explanation
    assert (entry.source_href, entry.source_quote) == ("#models--models", "quote")


def test_order_questions_are_printed_shuffled_never_in_the_answer_order():
    items = tuple(Item(text, n) for n, text in enumerate(["First", "Second", "Third"]))
    view = printviews.question_view(1, _question(type="order", items=items), CourseText.default())
    assert [str(i) for i in view.items] != ["First", "Second", "Third"]
