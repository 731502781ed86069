"""Known filter-evasion vectors stay inert: in the sanitiser's output and in Chromium.

Each vector tries to run `window.crsPwned = N` (or to open a dialog). Raw HTML vectors are
what a renderer allowing HTML would hand the sanitiser; Markdown vectors are what an author can
write in quiz text, where attr_list attributes and link targets reach the sanitiser as markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import copy_project, mkdocs_build

from crs import model, safehtml, timing

RAW_VECTORS = [
    "<ScRiPt>window.crsPwned = 1</sCrIpT>",
    '<IMG SRC=x OnErRoR="window.crsPwned = 2">',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
    'window.crsPwned = 3">entity-encoded</a>',
    '<a href="&#x6A;avascript&colon;window.crsPwned = 4">hex and named entities</a>',
    '<a href="jav&#x09;ascript:window.crsPwned = 5">tab inside the scheme</a>',
    '<a href=" \x01javascript:window.crsPwned = 6">control character before the scheme</a>',
    "<svg><script>window.crsPwned = 7</script></svg>",
    '<svg onload="window.crsPwned = 8"><circle r="4"/></svg>',
    '<svg><a xlink:href="javascript:window.crsPwned = 9"><text y="9">x</text></a></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.crsPwned = 10">',
    '<math href="javascript:window.crsPwned = 11"><mi>x</mi></math>',
    '<img src="x" onerror="window.crsPwned = 12"',
    "<img src=x onerror=window.crsPwned=13 ",
    "<img/src=x/onerror=window.crsPwned=14>",
    '<im<!-- comment -->g src=x onerror="window.crsPwned = 15">',
    '<!--><img src=x onerror="window.crsPwned = 16">-->',
    '<img src=x <!-- x --> onerror="window.crsPwned = 17">',
    '<iframe srcdoc="&lt;script&gt;parent.crsPwned = 18&lt;/script&gt;"></iframe>',
    '<form><button formaction="javascript:window.crsPwned = 19">go</button></form>',
    '<div style="width: expression(window.crsPwned = 20)">css expression</div>',
    '<div style="background:url(javascript:window.crsPwned = 21)">css url</div>',
    "<style>@import 'javascript:window.crsPwned = 22'; body{display:none}</style>",
    '<details open ontoggle="window.crsPwned = 23"><summary>s</summary>x</details>',
    '<object data="javascript:window.crsPwned = 24"></object>',
    '<embed src="data:text/html,&lt;script&gt;parent.crsPwned = 25&lt;/script&gt;">',
    '<noscript><p title="</noscript><img src=x onerror=window.crsPwned=26>"></noscript>',
    '<input autofocus onfocus="window.crsPwned = 27">',
    '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuY3JzUHduZWQ9Mjg8L3NjcmlwdD4=">b64</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.crsPwned = 29">',
    '<a href="vbscript:window.crsPwned = 30">vbscript</a>',
    '<video><source onerror="window.crsPwned = 31"></video>',
    '<body onload="window.crsPwned = 32">',
]
MARKDOWN_VECTORS = [
    "[link](javascript:window.crsPwned=101)",
    "[link](JaVaScRiPt:window.crsPwned=102)",
    "[link](&#106;avascript:window.crsPwned=103)",
    "<javascript:window.crsPwned=104>",
    '![i](x.png){onerror="window.crsPwned=105"}',
    '[link](https://example.org){onclick="window.crsPwned=106"}',
    'Styled.\n{: style="background:url(javascript:window.crsPwned=107)"}',
    "[link](data:text/html,<script>parent.crsPwned=108</script>)",
    '[go](https://example.org){formaction="javascript:window.crsPwned=109"}',
    'Framed.\n{: srcdoc="<script>parent.crsPwned=110</script>"}',
]
VECTORS = RAW_VECTORS + MARKDOWN_VECTORS

# What must not be left in the DOM of user text: elements that run or embed code, handlers,
# inline styles, and any address with a script-capable scheme (compared without whitespace).
FIND_ACTIVE = """(root) => {
  const found = []
  const banned = new Set(["script", "style", "iframe", "frame", "object", "embed", "svg", "math",
    "meta", "base", "link", "form", "button", "input", "noscript", "video", "source", "body"])
  for (const el of root.querySelectorAll("*")) {
    if (banned.has(el.localName)) found.push(el.localName)
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase()
      const value = attr.value.replace(/[\\x00-\\x20]+/g, "").toLowerCase()
      if (name.startsWith("on") || ["style", "srcdoc", "formaction"].includes(name)) {
        found.push(`${el.localName}[${name}]`)
      }
      if (/^(javascript|vbscript|data):/.test(value)) found.push(`${name}=${value}`)
    }
  }
  return found
}"""


def test_the_corpus_is_large_enough_and_each_vector_is_distinct():
    assert len(RAW_VECTORS) >= 20 and len(set(VECTORS)) == len(VECTORS)


@pytest.mark.parametrize("vector", RAW_VECTORS)
def test_raw_vector_is_inert_as_sanitised_html_in_chromium(page, vector):
    """The sanitiser's output, loaded as a whole document where scripts would run."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(f"<!doctype html><main>{safehtml.sanitize_html(vector)}</main>")
    page.wait_for_load_state("load")
    assert page.evaluate(FIND_ACTIVE, page.locator("main").element_handle()) == []
    assert page.evaluate("window.crsPwned") is None and dialogs == []


# ------------------------------------------------------------------ in the built site


def _evasion_quiz() -> dict:
    source = {
        "page": "models.md#from-passive-recipients-to-active-shapers",
        "quote": "from passive recipients into active shapers of public services",
    }
    return {
        "id": "evasion",
        "title": "Evasion corpus",
        "questions": [
            {
                "id": f"evasion-{number}",
                "type": "single",
                "prompt": vector,
                "explanation": vector,
                "source": source,
                "options": [
                    {"text": vector, "correct": True, "feedback": vector},
                    {"text": "Other", "correct": False, "feedback": vector},
                ],
            }
            for number, vector in enumerate(VECTORS, start=1)
        ],
    }


@pytest.fixture(scope="module")
def evasion_page(tmp_path_factory) -> Path:
    """The real site with a quiz of every vector (prompt, option, feedback, explanation)."""
    tmp = tmp_path_factory.mktemp("evasion")
    project = copy_project(tmp / "project")
    quiz = yaml.safe_dump(_evasion_quiz(), allow_unicode=True, sort_keys=False)
    (project / "quizzes" / "evasion.yml").write_text(quiz, encoding="utf-8")
    page = project / "docs" / "models.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// quiz | evasion\n///\n", "utf-8")
    _give_the_lesson_its_estimated_time(project, page)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site" / "models.html"


def _give_the_lesson_its_estimated_time(project: Path, page: Path) -> None:
    """The extra quiz lengthens the lesson; a strict build wants its stated time to follow."""
    course_model = model.load(project)
    blocks = model.known_blocks(course_model.project)
    lesson = next(p for p in course_model.course.lessons if p.src == page.name)
    text = page.read_text(encoding="utf-8")
    minutes = timing.lesson_estimate(
        lesson, text, blocks, course_model.activities, course_model.course.quizzes, page.parent
    )
    page.write_text(re.sub(r"(?m)^time: \d+$", f"time: {minutes}", text, count=1), "utf-8")


@pytest.mark.parametrize("number", range(1, len(VECTORS) + 1))
def test_vector_in_quiz_text_is_inert_in_the_built_page(page, evasion_page, number):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(evasion_page.as_uri())
    question = page.locator(f'[data-crs-question="evasion-{number}"]')
    # Answer wrong, then show the answer: every feedback and the explanation reach the DOM.
    question.locator("input").nth(1).check()
    question.locator("[data-crs-action=check]").click()
    question.locator("[data-crs-action=reveal]").click()
    result = question.locator("[data-crs-result]")
    result.filter(has_text="Answer shown.").wait_for()
    page.wait_for_load_state("load")
    text = question.locator(".crs-question__prompt, .crs-option__label, [data-crs-result]")
    active = [page.evaluate(FIND_ACTIVE, el) for el in text.element_handles()]
    assert active == [[]] * len(active)
    assert page.evaluate("window.crsPwned") is None and dialogs == []
