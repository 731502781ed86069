"""Both SCORM packages in a real LMS-side runtime (scorm-again) in Chromium: a learner works
through the module, answering every question wrongly and then rightly, writing every reflection,
moving between pages and reloading one; everything the package writes is checked against the
SCORM 1.2 limits Moodle enforces; a relaunch from the LMS data alone (a new browser, no
localStorage) restores answers, reflections and location, and a passed attempt stays passed."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
import scorm_lms
from conftest import axe_violations, grading_keys
from playwright.sync_api import expect

from crs.exports import scorm

ROOT = Path(__file__).resolve().parent.parent
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"
LONG = ("A long answer that goes on. " * 12).strip()  # over 255 characters


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def lms_url(scorm_dist, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lms")
    for fmt, target in (("scorm12", "pkg12"), ("scorm2004", "pkg2004")):
        with zipfile.ZipFile(scorm_dist / scorm.VERSIONS[fmt].filename) as package:
            package.extractall(folder / target)
    (folder / "lms").mkdir()
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copy(SCORM_AGAIN / name, folder / "lms" / name)
    (folder / "harness.html").write_text(scorm_lms.HARNESS, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def course(page):
    return page.frame_locator("#sco").frame_locator("#crs-scorm-frame")


def launch_bar(page):
    return page.frame_locator("#sco").locator("#crs-scorm-bar")


def keys_on(frame) -> dict:
    """The key of every question on the page, by id."""
    fieldsets = frame.locator("fieldset[data-crs-question]").all()
    return {
        qid: grading_keys()[qid]
        for qid in (f.get_attribute("data-crs-question") for f in fieldsets)
    }


def _choices(fieldset, key, right):
    for box in fieldset.locator('input[type="checkbox"]:checked').all():
        box.uncheck()  # what a wrong try left ticked
    wanted = [k for k, o in key["options"].items() if o["correct"] == right]
    for k in wanted if right else wanted[:1]:
        fieldset.locator(f'input[value="{k}"]').check()


def _true_false(fieldset, key, right):
    value = key["answer"] if right else not key["answer"]
    fieldset.locator(f'input[value="{str(value).lower()}"]').check()


def _fill_in(fieldset, key, right):
    fieldset.locator("input").fill(key["answers"][0] if right else "not the answer")


def _classify(fieldset, key, right):
    categories = list(key["categories"])
    for item, data in key["items"].items():
        wrong = next(c for c in categories if c != data["category"])
        select = fieldset.locator(f'[data-crs-item="{item}"] select')
        select.select_option(data["category"] if right else wrong)


def _order(fieldset, key, right):
    if not right:
        return  # as first shown: never the right order
    for position, item in enumerate(key["order"]):
        row = fieldset.locator(f'[data-crs-item="{item}"]')
        keys = fieldset.locator("[data-crs-item]")
        while keys.nth(position).get_attribute("data-crs-item") != item:
            row.locator('[data-crs-move="up"]').click()


ANSWER = {
    "single": _choices,
    "multiple": _choices,
    "true-false": _true_false,
    "fill-in": _fill_in,
    "classify": _classify,
    "order": _order,
}


# Resolves once the LMS has received this result for the interaction with this id.
RECEIVED = """([id, result]) => {
  const sets = window.lmsCalls.filter((c) => /SetValue$/.test(c.name)).map((c) => c.args)
  const slots = sets.filter(([n, v]) => /^cmi\\.interactions\\.\\d+\\.id$/.test(n) && v === id)
    .map(([n]) => n.replace(/id$/, "result"))
  return sets.some(([n, v]) => slots.includes(n) && v === result)
}"""


def answer_page(page, frame, wrong: str) -> dict:
    """Every question on the page answered wrongly and checked (and the LMS told so), then
    rightly and checked."""
    keys = keys_on(frame)
    for qid, key in keys.items():
        fieldset = frame.locator(f'fieldset[data-crs-question="{qid}"]')
        ANSWER[key["type"]](fieldset, key, right=False)
        fieldset.locator('[data-crs-action="check"]').click()
        expect(fieldset.locator("[data-crs-result]")).to_contain_text("Not quite")
        page.wait_for_function(RECEIVED, arg=[qid, wrong])
        fieldset.locator('[data-crs-action="retry"]').click()
        ANSWER[key["type"]](fieldset, key, right=True)
        fieldset.locator('[data-crs-action="check"]').click()
        expect(fieldset.locator("[data-crs-result]")).to_contain_text("Correct.")
    return keys


def reflections_on(frame) -> list[str]:
    return [
        s.get_attribute("data-crs-reflection") for s in frame.locator("[data-crs-reflection]").all()
    ]


def calls(page) -> list[dict]:
    return page.evaluate("() => window.lmsCalls")


def finish(page, version) -> list[dict]:
    page.evaluate("() => finish()")
    name = scorm_lms.CALLS[version]["finish"]
    page.wait_for_function(f"() => window.lmsCalls.some((c) => c.name === '{name}')")
    return calls(page)


def relaunch_data(values: dict[str, str], version: str) -> dict:
    if version == "1.2":
        return {
            "core": {
                "entry": "resume",
                "lesson_location": values["cmi.core.lesson_location"],
                "lesson_status": values["cmi.core.lesson_status"],
            },
            "suspend_data": values["cmi.suspend_data"],
            "comments": values.get("cmi.comments", ""),
        }
    return {
        "entry": "resume",
        "location": values["cmi.location"],
        "completion_status": values["cmi.completion_status"],
        "success_status": values["cmi.success_status"],
        "suspend_data": values["cmi.suspend_data"],
    }


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_learner_works_through_the_module_and_comes_back(browser, lms_url, version, model):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{lms_url}/harness.html?v={version}")
    frame = course(page)
    expect(frame.locator("h1").first).to_be_visible()
    texts: dict[str, str] = {}
    keys: dict[str, dict] = {}
    for lesson in model["lessons"]:
        frame.locator(".md-footer__link--next").click()  # the next page, as a learner moves on
        expect(frame.locator("h1").first).to_contain_text(lesson["title"])
        keys.update(answer_page(page, frame, "wrong" if version == "1.2" else "incorrect"))
        for prompt in reflections_on(frame):
            texts[prompt] = LONG if not texts else f"My answer to {prompt}:\n\nit depends."
            field = frame.locator(f'[data-crs-reflection="{prompt}"] textarea')
            field.fill(texts[prompt])
            field.blur()
            if texts[prompt] == LONG and version == "1.2":  # told what the LMS shows of it
                note = frame.locator(f'[data-crs-reflection="{prompt}"] .crs-scorm-note')
                expect(note).to_contain_text("first 255 characters")
        if lesson["url"] == "levels.html":  # a reload keeps the session and the answers
            page.frame_locator("#sco").locator("#crs-scorm-frame").evaluate(
                "f => f.contentWindow.location.reload()"
            )
            expect(frame.locator("[data-crs-result]").first).to_contain_text("Correct.")
    log = finish(page, version)

    assert scorm_lms.call_order_problems(log, version) == []
    values = scorm_lms.last_values(log, version)
    if version == "1.2":
        problems = [scorm_lms.moodle_12_problem(c["args"][0], c["args"][1]) for c in log
                    if c["name"] == "LMSSetValue"]  # fmt: skip
        assert [p for p in problems if p] == []
        assert values["cmi.core.lesson_status"] == "passed"
        assert values["cmi.core.score.raw"] == "100"
        assert values["cmi.core.exit"] == ""
        assert re.fullmatch(r"\d{2}:\d{2}:\d{2}", values["cmi.core.session_time"])
        assert len(values["cmi.suspend_data"]) <= 4096
        assert values["cmi.core.lesson_location"].startswith("reflection.html")
        for prompt, text in texts.items():
            assert f"[{prompt}] {text}" in values["cmi.comments"]
    else:
        assert values["cmi.completion_status"] == "completed"
        assert values["cmi.success_status"] == "passed"
        assert (values["cmi.score.raw"], values["cmi.score.scaled"]) == ("100", "1")
        assert values["cmi.exit"] == "normal"
        assert re.fullmatch(r"PT\d+H\d+M\d+S", values["cmi.session_time"])
        assert values["cmi.location"].startswith("reflection.html")
    assert (values[f"cmi.{'core.' if version == '1.2' else ''}score.min"]) == "0"

    written = scorm_lms.interactions(values)
    kinds = {"single": "choice", "multiple": "choice", "true-false": "true-false",
             "fill-in": "fill-in", "classify": "matching", "order": "sequencing"}  # fmt: skip
    response = "student_response" if version == "1.2" else "learner_response"
    for qid, key in keys.items():
        assert written[qid]["type"] == kinds[key["type"]], qid
        assert written[qid]["result"] == "correct", qid
        assert written[qid]["correct_responses.0.pattern"] == written[qid][response], qid
    assert len(keys) == sum(
        len(q["questions"]) for lesson in model["lessons"] for q in lesson["quizzes"]
    )
    wrong = "wrong" if version == "1.2" else "incorrect"
    set_name = scorm_lms.CALLS[version]["set"]
    results = [
        c["args"][1] for c in log if c["name"] == set_name and c["args"][0].endswith(".result")
    ]
    assert results.count(wrong) == len(keys)  # each question was first answered wrongly
    for prompt, text in texts.items():
        shown = text.replace("\n", " ¶ ")  # one line, every character kept
        if version == "1.2":
            assert (written[prompt]["type"], written[prompt][response]) == ("fill-in", shown[:255])
        else:
            assert (written[prompt]["type"], written[prompt][response]) == ("long-fill-in", shown)
            assert written[prompt]["description"]
    context.close()

    # A relaunch on another computer: only what the LMS kept.
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.add_init_script(f"window.crsStart = {json.dumps(relaunch_data(values, version))}")
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{lms_url}/harness.html?v={version}")
    frame = course(page)
    bar = launch_bar(page)
    expect(bar).to_contain_text("Welcome back")
    bar.get_by_role("button", name="Go back there").click()
    expect(frame.locator("h1").first).to_contain_text("Reflection and further reading")
    for prompt in reflections_on(frame):
        expect(frame.locator(f'[data-crs-reflection="{prompt}"] textarea')).to_have_value(
            texts[prompt]
        )
    for qid in keys_on(frame):
        result = frame.locator(f'fieldset[data-crs-question="{qid}"] [data-crs-result]')
        expect(result).to_contain_text("Correct.")
    frame.locator(".md-footer__link--prev").click()  # a page the learner did not resume at
    expect(frame.locator("[data-crs-reflection] textarea").first).not_to_have_value("")
    frame.locator("a.md-header__button.md-logo").click()
    frame.get_by_role("button", name="Reset progress").click()  # quiz answers cleared
    frame.locator(".crs-confirm").get_by_role("button", name="Reset progress").click()
    expect(frame.get_by_text("0 of 5 lessons done")).to_be_visible()
    log = finish(page, version)
    assert scorm_lms.call_order_problems(log, version) == []
    status = "cmi.core.lesson_status" if version == "1.2" else "cmi.success_status"
    assert {c["args"][1] for c in log if c["name"] == set_name and c["args"][0] == status} == {
        "passed"
    }
    context.close()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_damaged_lms_data_is_set_aside_with_a_notice(page, lms_url, version):
    data = relaunch_data(
        {"cmi.core.lesson_location": "index.html", "cmi.core.lesson_status": "incomplete",
         "cmi.location": "index.html", "cmi.completion_status": "incomplete",
         "cmi.success_status": "unknown", "cmi.suspend_data": "{not json"},
        version,
    )  # fmt: skip
    page.add_init_script(f"window.crsStart = {json.dumps(data)}")
    page.goto(f"{lms_url}/harness.html?v={version}")
    expect(launch_bar(page)).to_contain_text("could not be read")
    expect(course(page).locator("h1").first).to_be_visible()
    launch = next(f for f in page.frames if f.url.endswith("/scorm.html"))
    assert axe_violations(launch) == []  # the launch page, its notice showing
    log = finish(page, version)
    assert scorm_lms.call_order_problems(log, version) == []


def test_outside_an_lms_the_launch_page_opens_the_course(page, lms_url):
    page.goto(f"{lms_url}/pkg12/scorm.html")
    expect(page).to_have_url(re.compile(r"/pkg12/index\.html$"))
    expect(page.locator("[data-crs-lessons]")).to_be_visible()


def test_typing_waits_and_a_hidden_page_commits(page, lms_url):
    page.goto(f"{lms_url}/harness.html?v=1.2")
    frame = course(page)
    frame.locator(".md-footer__link--next").click()
    field = frame.locator("[data-crs-reflection] textarea").first
    commits = "() => window.lmsCalls.filter((c) => c.name === 'LMSCommit').length"
    page.wait_for_function(f"() => ({commits})() >= 1")  # the first sync on launch
    before = page.evaluate(commits)
    for text in ("Th", "This is", "This is what I think."):
        field.fill(text)
        page.wait_for_timeout(700)  # past the reflection's own save delay
    assert page.evaluate(commits) == before  # no commit per keystroke or per save
    launch = next(f for f in page.frames if f.url.endswith("/scorm.html"))
    launch.evaluate(
        "() => { Object.defineProperty(document, 'hidden', { value: true });"
        " document.dispatchEvent(new Event('visibilitychange')) }"
    )
    page.wait_for_function(f"() => ({commits})() > {before}")
    values = scorm_lms.last_values(calls(page), "1.2")
    assert "This is what I think." in values["cmi.comments"]
