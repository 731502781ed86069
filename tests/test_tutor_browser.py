"""Tutor tools in Chromium: build an assignment, open its link as a learner, answer, download the
submission; damaged links explained; copy links in the guide; axe on every tutor page.

Links follow overrides/crs/assignments.js (format 1, checksummed #fragment).
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import axe_violations
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PROBLEMS = "[data-crs-assignment-problems]"


def checksum(text: str) -> str:
    """FNV-1a in base 36, as assignments.js computes it."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


def link(site_url: str, body: str) -> str:
    return f"{site_url}/assignment.html#{body}&c={checksum(body)}"


def first_choice_question(quiz):
    return quiz.locator("fieldset[data-crs-type=single], fieldset[data-crs-type=true-false]").first


def test_build_an_assignment_then_answer_and_download_it_as_a_learner(
    page, site_url, model, tmp_path
):
    lesson = next(x for x in model["lessons"] if x["reflections"] and x["quizzes"])
    prompt = lesson["reflections"][0]["id"]
    quiz = lesson["quizzes"][0]["id"]
    other = next(r["id"] for x in model["lessons"] for r in x["reflections"] if r["id"] != prompt)

    page.goto(f"{site_url}/tutor/assignments.html")
    copy = page.locator("[data-crs-builder-copy]")
    assert copy.is_disabled()
    page.fill("#crs-builder-title", "Week 2: models")
    page.fill("#crs-builder-instructions", "Answer both.\n\nBe brief.")
    page.fill("#crs-builder-due", "2026-12-01")
    page.fill("#crs-builder-search", prompt)
    expect(page.locator(f"#crs-pick-r-{other}")).to_be_hidden()
    page.locator(f"#crs-pick-r-{prompt}").check()
    page.fill("#crs-builder-search", "")
    page.locator(f"#crs-pick-q-{quiz}").check()
    assert copy.is_enabled()
    url = page.locator("[data-crs-builder-url]").input_value()
    assert url.startswith(f"{site_url}/assignment.html#v=1&id=week-2-models&t=Week%202%3A%20models")
    assert f"&r={prompt}&q={quiz}&" in url
    handout = page.locator("[data-crs-handout]")
    expect(handout.locator(f'[data-crs-handout-item="prompt:{prompt}"]')).to_be_visible()
    expect(handout.locator(f'[data-crs-handout-item="prompt:{other}"]')).to_be_hidden()

    page.goto(url)
    expect(page.locator("[data-crs-assignment-title]")).to_have_text("Week 2: models")
    expect(page.locator("[data-crs-assignment-empty]")).to_be_hidden()
    expect(page.locator("[data-crs-assignment-instructions]")).to_contain_text("Be brief.")
    expect(page.locator("[data-crs-assignment-due]")).to_contain_text("2026")
    expect(page.locator(PROBLEMS)).to_be_hidden()
    expect(page.locator(f'[data-crs-assignment-item="prompt:{other}"]')).to_be_hidden()
    shown = page.locator(f'[data-crs-assignment-item="prompt:{prompt}"]')
    shown.locator("textarea").fill("My answer for the assignment.")
    question = first_choice_question(page.locator(f'[data-crs-assignment-item="quiz:{quiz}"]'))
    qid = question.get_attribute("data-crs-question")
    question.locator("label").first.click()
    question.locator("[data-crs-action=check]").click()
    progress = page.locator("[data-crs-assignment-progress]")
    progress.filter(has_text="1 of 1 prompt answered").wait_for()
    expect(progress).to_contain_text(re.compile(r"1 of \d+ questions? answered"))

    page.locator("[data-crs-assignment-download=json]").click()
    message = page.locator("[data-crs-assignment-message]")
    message.filter(has_text="Type your name first").wait_for()
    assert page.evaluate("document.activeElement.id") == "crs-assignment-name"
    page.fill("#crs-assignment-name", "Test Learner")
    with page.expect_download() as info:
        page.locator("[data-crs-assignment-download=json]").click()
    download = info.value
    assert download.suggested_filename == "week-2-models-test-learner.json"
    saved = json.loads(download.path().read_text(encoding="utf-8"))
    assert saved["format"] == "crs-workspace" and saved["schema"] == 1
    assert saved["assignment"]["id"] == "week-2-models"
    assert saved["assignment"]["prompts"] == [prompt] and saved["learner"] == "Test Learner"
    assert saved["answers"][prompt]["text"] == "My answer for the assignment."
    assert qid in saved["quizzes"] and saved["quizzes"][qid]["value"]["checked"] is True
    assert set(saved["answers"]) == {prompt}  # nothing outside the assignment
    with page.expect_download() as info:
        page.locator("[data-crs-assignment-download=md]").click()
    markdown = info.value.path().read_text(encoding="utf-8")
    assert info.value.suggested_filename == "week-2-models-test-learner.md"
    assert "# Week 2: models" in markdown and "My answer for the assignment." in markdown

    # The class summary reads what the page downloads.
    submitted = tmp_path / download.suggested_filename
    download.save_as(submitted)
    page.goto(f"{site_url}/tutor/summary.html")
    page.set_input_files("#crs-summary-files", str(submitted))
    who = page.locator("#crs-summary-who + .crs-summary__scroll table")
    expect(who.locator("tbody tr")).to_have_count(1)
    expect(who).to_contain_text("Test Learner")
    expect(page.locator("#crs-summary-problems")).to_have_count(0)

    # The same answer, shared with the lesson page.
    page.goto(f"{site_url}/{lesson['url']}")
    field = page.locator(f'[data-crs-reflection="{prompt}"] textarea')
    expect(field).to_have_value("My answer for the assignment.")


def test_builder_fills_in_again_from_an_assignment_link(page, site_url, model):
    prompt = model["lessons"][0]["reflections"][0]["id"]
    body = f"v=1&id=again&t=Again&r={prompt}"
    page.goto(link(site_url, body).replace("/assignment.html", "/tutor/assignments.html"))
    assert page.input_value("#crs-builder-title") == "Again"
    assert page.locator(f"#crs-pick-r-{prompt}").is_checked()


def damaged_links(model):
    prompt = model["lessons"][0]["reflections"][0]["id"]
    good = f"v=1&id=ok&t=Fine&r={prompt}"
    return prompt, {
        "unknown id": (
            f"v=1&id=ok&t=Fine&r={prompt},no-such-prompt&q=no-such-quiz",
            True,
            ["no prompt “no-such-prompt”", "no quiz “no-such-quiz”"],
        ),
        "tampered": (f"{good}&c=zzzz", False, ["changed or cut short"]),
        "cut short": (f"{good}", False, ["no check code"]),
        "bad encoding": (f"v=1&id=ok&t=%E0%A4%A&r={prompt}", True, ["“t”", "damaged", "no title"]),
        "newer version": (
            f"v=9&id=ok&t=Fine&r={prompt}&z=new",
            True,
            ["newer version", "format 9"],
        ),
        "bad date": (f"{good}&d=2026-02-30", True, ["“2026-02-30” is not a date"]),
    }


@pytest.mark.parametrize(
    "case", ["unknown id", "tampered", "cut short", "bad encoding", "newer version", "bad date"]
)
def test_a_damaged_link_says_what_is_wrong_and_shows_what_is_valid(page, site_url, model, case):
    prompt, cases = damaged_links(model)
    body, signed, expected = cases[case]
    page.goto(link(site_url, body) if signed else f"{site_url}/assignment.html#{body}")
    problems = page.locator(PROBLEMS)
    problems.wait_for()
    text = problems.inner_text()
    expect(problems).to_have_attribute("role", "alert")
    for phrase in expected:
        assert phrase in text, (case, text)
    expect(page.locator(f'[data-crs-assignment-item="prompt:{prompt}"]')).to_be_visible()


def test_a_link_with_nothing_valid_says_so(page, site_url):
    page.goto(f"{site_url}/assignment.html#%%%&&&")
    text = page.locator(PROBLEMS).inner_text()
    assert "nothing to answer" in text
    expect(page.locator("[data-crs-assignment-item]:visible")).to_have_count(0)


def test_the_page_without_a_link_explains_itself(page, site_url):
    page.goto(f"{site_url}/assignment.html")
    expect(page.locator("[data-crs-assignment-empty]")).to_be_visible()
    expect(page.locator(PROBLEMS)).to_be_hidden()


def test_guide_copy_link_copies_the_prompt_address(page, site_url, model, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    prompt = model["lessons"][0]["reflections"][0]["id"]
    page.goto(f"{site_url}/tutor/index.html")
    page.get_by_role("button", name=f"Copy link to prompt {prompt}").click()
    page.get_by_text(f"Link to prompt {prompt} copied.").wait_for(state="attached")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(site_url) and copied.endswith(f"#reflect-{prompt}")


@pytest.mark.parametrize(
    "path",
    [
        "tutor/index.html",
        "tutor/assignments.html",
        "tutor/summary.html",
        "tutor/collate.html",
        "assignment.html",
    ],
)
def test_tutor_pages_have_no_axe_violations(page, site_url, model, path):
    prompt = model["lessons"][0]["reflections"][0]["id"]
    quiz = model["lessons"][0]["quizzes"][0]["id"]
    suffix = f"#v=1&id=a&t=A&r={prompt}&q={quiz}" if path == "assignment.html" else ""
    page.goto(f"{site_url}/{path}{suffix}")
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []


def test_builder_and_assignment_work_from_a_file_url(page, site_dir, model):
    """The offline copy: tutor and assignment code are page bundles, mounted through crs.js,
    which also starts where Material's document$ never emits (file://)."""
    prompt = model["lessons"][0]["reflections"][0]["id"]
    page.goto((site_dir / "tutor" / "assignments.html").as_uri())
    page.fill("#crs-builder-title", "Offline week")
    page.locator(f"#crs-pick-r-{prompt}").check()
    url = page.locator("[data-crs-builder-url]").input_value()
    assert url.startswith("file://") and "t=Offline%20week" in url
    page.goto(url)
    expect(page.locator("[data-crs-assignment-title]")).to_have_text("Offline week")
    expect(page.locator("[data-crs-assignment-empty]")).to_be_hidden()
    expect(page.locator(f'[data-crs-assignment-item="prompt:{prompt}"]')).to_be_visible()
    expect(page.locator(PROBLEMS)).to_be_hidden()


def test_a_link_naming_unknown_items_is_never_all_done_and_the_submission_names_them(
    page, site_url, model
):
    prompt = model["lessons"][0]["reflections"][0]["id"]
    body = f"v=1&id=lost&t=Lost&r={prompt},no-such-prompt&q=no-such-quiz"
    page.goto(link(site_url, body))
    page.locator(f'[data-crs-assignment-item="prompt:{prompt}"] textarea').fill("Answered.")
    page.locator("#crs-assignment-name").click()  # the answer is saved as the field loses focus
    progress = page.locator("[data-crs-assignment-progress]")
    expect(progress).to_contain_text("1 of 1 prompt answered")
    expect(progress).to_contain_text("2 items your tutor asked for cannot be found")
    expect(progress).not_to_contain_text("All done")

    page.fill("#crs-assignment-name", "Test Learner")
    with page.expect_download() as info:
        page.locator("[data-crs-assignment-download=json]").click()
    saved = json.loads(info.value.path().read_text(encoding="utf-8"))
    assert saved["assignment"]["not_found"] == {
        "prompts": ["no-such-prompt"],
        "quizzes": ["no-such-quiz"],
    }
    with page.expect_download() as info:
        page.locator("[data-crs-assignment-download=md]").click()
    markdown = info.value.path().read_text(encoding="utf-8")
    assert "## Asked for but not found" in markdown and "quiz `no-such-quiz`" in markdown
