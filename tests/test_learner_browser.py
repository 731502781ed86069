"""What a learner meets on lesson pages (issue 13): multiple-choice feedback that shows what was
missed, asking in the page before a quiz is reset, and trying one question again."""

from __future__ import annotations

import json
import re

import pytest
from conftest import grading_keys
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def quiz_page(page, site_url, model, question_type: str):
    """A lesson page, cleared of saved work, and its first question of the given type."""
    for lesson in model["lessons"]:
        page.goto(f"{site_url}/{lesson['url']}")
        page.evaluate("() => localStorage.clear()")
        page.reload()
        question = page.locator(f"fieldset[data-crs-type={question_type}]")
        if question.count():
            return question.first
    raise AssertionError(f"no {question_type} question in the course")


def key_of(page, question) -> dict:
    return grading_keys()[question.get_attribute("data-crs-question")]


def test_multiple_choice_marks_correct_options_left_unticked(page, site_url, model):
    question = quiz_page(page, site_url, model, "multiple")
    key = key_of(page, question)
    right = [k for k, o in key["options"].items() if o["correct"]]
    assert len(right) >= 2, "needs a question with two correct options"
    question.locator(f'[data-crs-option="{right[0]}"] label').click()
    question.locator("[data-crs-action=check]").click()
    for missed in right[1:]:
        option = question.locator(f'[data-crs-option="{missed}"]')
        expect(option).to_have_class("crs-option crs-is-missed")
        expect(option).to_contain_text("Correct, but not ticked")
    ticked = question.locator(f'[data-crs-option="{right[0]}"]')
    expect(ticked).to_contain_text("Right")
    count = len(right) - 1
    expect(question.locator("[data-crs-result]")).to_contain_text(
        f"{count} correct option{'s' if count > 1 else ''} not ticked"
    )


def test_reset_quiz_asks_in_the_page_and_cancel_keeps_every_answer(page, site_url, model):
    page.on("dialog", lambda dialog: pytest.fail(f"a browser dialog was used: {dialog.message}"))
    question = quiz_page(page, site_url, model, "single")
    form = page.locator("form[data-crs-quiz]", has=question)
    question.locator("label").first.click()
    question.locator("[data-crs-action=check]").click()
    score = form.locator("[data-crs-score]").inner_text()
    reset = form.locator("[data-crs-action=reset]")
    reset.click()
    confirm = form.locator(".crs-confirm")
    expect(confirm).to_contain_text("Reset this quiz?")
    expect(confirm).to_contain_text("reflections, other quizzes and lesson marks are kept")
    expect(confirm.locator(".crs-confirm__question")).to_be_focused()
    page.keyboard.press("Escape")
    expect(confirm).to_have_count(0)
    expect(reset).to_be_focused()
    expect(form.locator("[data-crs-score]")).to_have_text(score)
    expect(question.locator("[data-crs-result]")).to_be_visible()

    reset.click()
    confirm.get_by_role("button", name="Reset quiz").click()
    expect(question.locator("[data-crs-result]")).to_be_hidden()
    expect(question.locator("input:checked")).to_have_count(0)


def test_a_question_answered_correctly_can_be_tried_again(page, site_url, model):
    question = quiz_page(page, site_url, model, "single")
    key = key_of(page, question)
    right = next(k for k, o in key["options"].items() if o["correct"])
    question.locator(f'[data-crs-option="{right}"] label').click()
    question.locator("[data-crs-action=check]").click()
    expect(question.locator("[data-crs-result]")).to_contain_text("Correct.")
    retry = question.locator("[data-crs-action=retry]")
    expect(retry).to_be_visible()
    retry.click()
    expect(question.locator("[data-crs-action=check]")).to_be_visible()
    expect(question.locator("input").first).to_be_enabled()


def test_an_empty_reflection_says_nothing_is_written_not_saved(page, site_url, model):
    lesson = next(x for x in model["lessons"] if x["reflections"])
    page.goto(f"{site_url}/{lesson['url']}")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    status = page.locator(".crs-reflection__status").first
    expect(status).to_have_text("Nothing written yet")
    field = page.locator(".crs-reflection__field").first
    field.fill("Two words")
    expect(status).to_have_text("2 words · Saved")
    field.fill("")
    expect(status).to_have_text("Nothing written yet · Answer removed")
    expect(status).not_to_contain_text("0 words")


def test_guidance_comes_before_the_question_it_sets_up(page, site_url, model):
    for lesson in model["lessons"]:
        page.goto(f"{site_url}/{lesson['url']}")
        for section in page.locator("[data-crs-reflection]").all():
            order = section.evaluate(
                "s => [...s.children].map(c => c.className).filter(c => /guidance|prompt/.test(c))"
            )
            if "crs-reflection__guidance" in order:
                assert order.index("crs-reflection__guidance") < order.index(
                    "crs-reflection__prompt"
                ), (lesson["url"], order)


def test_import_preview_names_items_in_words_and_drops_a_stale_message(page, site_url, model):
    lesson = next(x for x in model["lessons"] if x["reflections"] and x["quizzes"])
    prompt = max(
        (r for x in model["lessons"] for r in x["reflections"]), key=lambda r: len(r["prompt"])
    )
    assert len(prompt["prompt"]) > 80, "needs a prompt longer than the preview shows"
    quiz = lesson["quizzes"][0]
    question = quiz["questions"][1]
    page.goto(f"{site_url}/workspace.html")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.get_by_role("button", name="Clear all").click()
    page.locator(".crs-confirm").get_by_role("button", name="Clear everything").click()
    message = page.locator(".crs-workspace__message")
    expect(message).to_have_text("Everything was cleared.")
    export = {
        "format": "crs-workspace",
        "schema": 1,
        "course": model["course"],
        "version": "old",
        "exported_at": "2026-04-01T00:00:00Z",
        "pages": {},
        "answers": {prompt["id"]: {"text": "Mine", "updated": "2026-03-01T00:00:00Z"}},
        "quizzes": {
            question: {
                "value": {"response": None, "checked": False},
                "updated": "2026-03-01T00:00:00Z",
            }
        },
    }
    page.set_input_files(
        "#crs-import-file",
        files=[
            {
                "name": "e.json",
                "mimeType": "application/json",
                "buffer": json.dumps(export).encode(),
            }
        ],
    )
    panel = page.locator(".crs-workspace__panel")
    expect(panel).to_contain_text(f"Quiz “{quiz['title']}”, question 2 of {len(quiz['questions'])}")
    text = panel.inner_text()
    assert question not in text and prompt["id"] not in text
    shown = text.split("Answer to “", 1)[1].split("…”", 1)[0]
    words = " ".join(prompt["prompt"].split())
    assert words.startswith(shown) and words[len(shown)] == " ", shown
    expect(message).to_have_text("")


def test_a_citation_jump_highlights_its_reference_entry(page, site_url, model):
    page.goto(f"{site_url}/{model['lessons'][1]['url']}")
    citation = page.locator("article a[href*='references.html#']").first
    key = citation.get_attribute("href").split("#", 1)[1]
    citation.click()
    entry = page.locator(f"[id='{key}']")
    expect(entry).to_have_class(re.compile(r"\bcrs-is-target\b"))
    assert entry.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    others = page.locator(".crs-reference.crs-is-target")
    expect(others).to_have_count(1)


def test_opening_a_pdf_finds_a_favicon_at_the_site_root(page, site_url, site_dir):
    """Chromium asks for /favicon.ico when it shows a PDF, which names no icon."""
    icon = (site_dir / "favicon.ico").read_bytes()
    assert icon[:6] == b"\x00\x00\x01\x00\x01\x00" and icon[22:30] == b"\x89PNG\r\n\x1a\n"
    response = page.request.get(f"{site_url}/favicon.ico")
    assert response.status == 200
    assert page.request.get(f"{site_url}/downloads/co-production-learner.pdf").status == 200


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_home_has_one_title_and_a_start_then_continue_button_above_the_fold(
    page, site_url, model, size
):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{site_url}/index.html")
    page.evaluate("() => localStorage.clear()")
    page.reload()
    title = page.title()
    assert title.count("Co-production: levels, types and models") == 1, title
    expect(page.locator("article h1")).to_have_text("Co-production: levels, types and models")
    button = page.locator("[data-crs-resume-link]")
    expect(button).to_have_text("Start the first lesson")
    assert button.get_attribute("href").endswith(model["lessons"][0]["url"])
    box = button.bounding_box()
    assert box and box["y"] + box["height"] <= size[1], box

    lesson = model["lessons"][2]
    page.goto(f"{site_url}/{lesson['url']}")
    heading = page.locator("article h2[id]").nth(2)
    heading.evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 20)")
    # The section read is the last heading in the top third of the window: this one or, where
    # sections are short, one just after it.
    page.wait_for_function(
        "() => JSON.parse(localStorage.getItem('crs.v1.resume.last') || '{}').value?.anchor"
    )
    anchor = page.evaluate("JSON.parse(localStorage.getItem('crs.v1.resume.last')).value.anchor")
    ids = page.locator("article h2[id], article h3[id]").evaluate_all("hs => hs.map(h => h.id)")
    assert ids.index(anchor) >= ids.index(heading.get_attribute("id")), (anchor, ids)
    page.goto(f"{site_url}/index.html")
    expect(button).to_have_text("Continue where you left off")
    assert button.get_attribute("href").endswith(f"{lesson['url']}#{anchor}")
    # The lesson's title as the home's lesson list shows it (the page data carries no titles).
    where = re.compile(rf"^“{re.escape(lesson['title'])}”, at \S")
    expect(page.locator("[data-crs-resume-where]")).to_have_text(where)
    button.click()
    expect(page).to_have_url(re.compile(f"{lesson['url']}#{anchor}$"))
