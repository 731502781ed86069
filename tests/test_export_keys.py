"""The correct answer of every question agrees everywhere it is written: the quiz YAML, the site's
answer key (the JSON the quiz script grades with), the GIFT file as gift-pegjs reads it, the
Moodle XML as lxml reads it and the SCORM 2004 interactions the packages write; for the course
and for the escaping fixture, over all six types.

Every reader gives the answer as the browser saves it (option and item keys are
crs.quizzes.stable_key of their text), so one comparison covers every format. A new export joins
by adding its reader to SOURCES (the SCORM 2004 package: its interactions' correct responses).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import node_module
from exporthelpers import (
    ROOT,
    escaping_bank,
    escaping_quizzes,
    export_files,
    matching_answer,
    needs_gift_parser,
    page_text,
    parse_gift,
    parse_xml,
)

from crs.exports import gift, moodle_xml
from crs.questiontypes import TYPES, entry_for
from crs.questiontypes.base import Question, stable_key
from crs.quizzes import Quiz, grading_key, render_quiz


@dataclass
class Exported:
    """One course's quizzes and what each source holds for them, by question id."""

    quizzes: dict[str, Quiz]
    site: dict  # question id -> its entry in the site's answer key
    gift: dict  # question id -> gift-pegjs's question
    xml: dict  # question id -> <question> element
    scorm: dict  # question id -> its SCORM 2004 interaction (the package's runtime mapping)

    @property
    def questions(self) -> list[Question]:
        return [q for quiz in self.quizzes.values() for q in quiz.questions]


def _shown_parts(fieldset: str) -> dict:
    """The option, item and category keys a question's markup shows, as the page's partsOf
    (overrides/crs/questions/index.js) reads them."""
    select = re.search(r"<select.*?</select>", fieldset, re.S)
    categories = re.findall(
        r'<option value="(k\w+)">(.*?)</option>', select.group(0) if select else ""
    )
    return {
        "keys": re.findall(r'data-crs-(?:option|item)="([^"]+)"', fieldset),
        "categories": [[key, html.unescape(name)] for key, name in categories],
    }


def site_keys(quizzes: dict[str, Quiz], tmp: Path) -> dict:
    """The answer key each rendered quiz carries (data-crs-quiz-key), unpacked under Node by the
    page's own unpackKey (overrides/crs/questions/index.js) with the keys the markup shows."""
    questions = []
    for quiz in quizzes.values():
        rendered = render_quiz(quiz, page_text())
        packed = json.loads(re.search(r"data-crs-quiz-key='([^']*)'", rendered).group(1))
        fieldsets = re.findall(
            r'data-crs-question="([^"]+)" data-crs-type="([^"]+)">(.*?)</fieldset>', rendered, re.S
        )
        for (qid, qtype, body), entry in zip(fieldsets, packed, strict=True):
            questions.append([qid, entry, qtype, _shown_parts(body)])
    (tmp / "packed.json").write_text(json.dumps(questions), encoding="utf-8")
    return node_module(ROOT / "overrides" / "crs" / "questions" / "index.js", tmp, "q")(
        'import { readFileSync } from "node:fs"\n'
        'const packed = JSON.parse(readFileSync(new URL("./packed.json", import.meta.url)))\n'
        "console.log(JSON.stringify(Object.fromEntries(packed.map(([id, entry, type, parts]) =>\n"
        "  [id, q.unpackKey(entry, type, parts)]))))"
    )


def scorm_interactions(keys: dict, tmp: Path) -> dict:
    """What the SCORM packages' runtime (overrides/crs/scorm/interactions.js with each type's
    `scorm` entry) writes for each question answered rightly: run under Node on the site's keys."""
    sources = ROOT / "overrides" / "crs"
    entry = tmp / "scorm-entry.js"
    entry.write_text(
        f'export {{ questionInteraction }} from "{sources / "scorm" / "interactions.js"}"\n'
        f'export {{ questionType }} from "{sources / "questions" / "index.js"}"\n',
        encoding="utf-8",
    )
    (tmp / "keys.json").write_text(json.dumps(keys), encoding="utf-8")
    return node_module(entry, tmp, "s")(
        'import { readFileSync } from "node:fs"\n'
        'const keys = JSON.parse(readFileSync(new URL("./keys.json", import.meta.url), "utf8"))\n'
        "const out = {}\n"
        "for (const [id, key] of Object.entries(keys)) {\n"
        "  const response = s.questionType(key.type).correctResponse(key)\n"
        "  out[id] = s.questionInteraction(\n"
        '    id, key, { response, checked: true, correct: true }, "2004", 250)\n'
        "}\n"
        "console.log(JSON.stringify(out))"
    )


def exported(quizzes: dict[str, Quiz], gift_path: Path, xml_path: Path) -> Exported:
    gift_questions = {q["title"]: q for q in parse_gift(gift_path) if q["type"] != "Category"}
    xml_questions = {e.findtext("idnumber"): e for e in parse_xml(xml_path).iter("question")}
    keys = site_keys(quizzes, gift_path.parent)
    scorm = scorm_interactions(keys, gift_path.parent)
    return Exported(quizzes, keys, gift_questions, xml_questions, scorm)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Exported:
    from exporthelpers import course_quizzes

    files = export_files(tmp_path_factory.mktemp("exports"))
    return exported(course_quizzes(), files["gift"], files["moodle-xml"])


@pytest.fixture(scope="module")
def escaping(tmp_path_factory) -> Exported:
    folder = tmp_path_factory.mktemp("escaping")
    bank = escaping_bank()
    (folder / "bank.gift.txt").write_text(gift.gift_text(bank), encoding="utf-8")
    (folder / "bank.moodle.xml").write_text(moodle_xml.xml_text(bank), encoding="utf-8")
    return exported(escaping_quizzes(), folder / "bank.gift.txt", folder / "bank.moodle.xml")


def key_of(q: Question):
    """Exported HTML of an option or item -> its stable key."""
    texts = [o.text for o in q.options] + [i.text for i in q.items]
    keys = {str(page_text().inline(t)): stable_key(t) for t in texts}
    return keys.__getitem__


def pattern(text: str) -> str:
    """A Moodle short-answer pattern back to the answer ("\\*" is a literal star)."""
    return text.replace("\\*", "*")


def position(label: str) -> int:
    return int(re.match(r"\d+", label).group())


# The answer as the browser saves it, per type, from each place it is written.
MODEL = {
    "single": lambda q: next(stable_key(o.text) for o in q.options if o.correct),
    "multiple": lambda q: sorted(stable_key(o.text) for o in q.options if o.correct),
    "true-false": lambda q: q.answer,
    "fill-in": lambda q: sorted(q.answers),
    "classify": lambda q: {stable_key(i.text): stable_key(i.category) for i in q.items},
    "order": lambda q: [stable_key(i.text) for i in q.items],
}
SITE = {
    "single": lambda e: next(k for k, o in e["options"].items() if o["correct"]),
    "multiple": lambda e: sorted(k for k, o in e["options"].items() if o["correct"]),
    "true-false": lambda e: e["answer"],
    "fill-in": lambda e: sorted(e["answers"]),
    "classify": lambda e: {item: v["category"] for item, v in e["items"].items()},
    "order": lambda e: e["order"],
}
GIFT = {
    "single": lambda p, key: key(next(c["text"]["text"] for c in p["choices"] if c["isCorrect"])),
    "multiple": lambda p, key: sorted(
        key(c["text"]["text"]) for c in p["choices"] if c["weight"] > 0
    ),
    "true-false": lambda p, key: p["isTrue"],
    # Full-credit answers carry no weight; the "*" catch-all has weight 0.
    "fill-in": lambda p, key: sorted(
        pattern(c["text"]["text"]) for c in p["choices"] if c["weight"] is None
    ),
    "classify": lambda p, key: {
        key(m["subquestion"]["text"]): stable_key(matching_answer(m["subanswer"]))
        for m in p["matchPairs"]
    },
    "order": lambda p, key: [
        key(m["subquestion"]["text"])
        for m in sorted(p["matchPairs"], key=lambda m: position(m["subanswer"]))
    ],
}


def _answers(e, test) -> list:
    return [a for a in e.findall("answer") if test(float(a.get("fraction")))]


MOODLE_XML = {
    "single": lambda e, key: key(_answers(e, lambda f: f == 100)[0].findtext("text")),
    "multiple": lambda e, key: sorted(
        key(a.findtext("text")) for a in _answers(e, lambda f: f > 0)
    ),
    "true-false": lambda e, key: _answers(e, lambda f: f == 100)[0].findtext("text") == "true",
    "fill-in": lambda e, key: sorted(
        pattern(a.findtext("text")) for a in _answers(e, lambda f: f == 100)
    ),
    "classify": lambda e, key: {
        key(s.findtext("text")): stable_key(s.findtext("answer/text"))
        for s in e.findall("subquestion")
    },
    "order": lambda e, key: [
        key(a.findtext("text"))
        for a in sorted(e.findall("answer"), key=lambda a: int(a.get("fraction")))
    ],
}


def _scorm_list(pattern: str) -> list[str]:
    return pattern.split("[,]")


# A SCORM 2004 interaction's correct responses back to the answer (fill-in: one per answer).
SCORM = {
    "single": lambda i: i["patterns"][0],
    "multiple": lambda i: sorted(_scorm_list(i["patterns"][0])),
    "true-false": lambda i: i["patterns"][0] == "true",
    "fill-in": lambda i: sorted(i["patterns"]),
    "classify": lambda i: dict(p.split("[.]") for p in _scorm_list(i["patterns"][0])),
    "order": lambda i: _scorm_list(i["patterns"][0]),
}

SOURCES = {
    "site": lambda x, q: SITE[q.type](x.site[q.id]),
    "scorm2004": lambda x, q: SCORM[q.type](x.scorm[q.id]),
    "gift": lambda x, q: GIFT[q.type](x.gift[q.id], key_of(q)),
    "moodle-xml": lambda x, q: MOODLE_XML[q.type](x.xml[q.id], key_of(q)),
}


@needs_gift_parser
@pytest.mark.parametrize("bank", ["course", "escaping"])
@pytest.mark.parametrize("qtype", TYPES)
def test_every_source_gives_the_yaml_key(request, bank, qtype):
    data: Exported = request.getfixturevalue(bank)
    questions = [q for q in data.questions if q.type == qtype]
    assert questions, f"the {bank} has no {qtype} question to check"
    for q in questions:
        expected = MODEL[qtype](q)
        found = {name: read(data, q) for name, read in SOURCES.items()}
        assert found == dict.fromkeys(SOURCES, expected), q.id


# The browser's grading rule (the registry's grade) must accept what each export holds as right;
# a fill-in export holds every accepted answer, the other types one response.
RESPONSES = {"fill-in": list}


@needs_gift_parser
@pytest.mark.parametrize("bank", ["course", "escaping"])
def test_the_sites_grading_accepts_every_exported_right_answer(request, bank):
    data: Exported = request.getfixturevalue(bank)
    for q in data.questions:
        entry = entry_for(q)
        for name in ("gift", "moodle-xml"):
            found = SOURCES[name](data, q)
            for response in RESPONSES.get(q.type, lambda one: [one])(found):
                assert entry.grade(q, response), (q.id, name, response)


@needs_gift_parser
@pytest.mark.parametrize("bank", ["course", "escaping"])
def test_the_packed_key_on_the_page_unpacks_to_the_whole_key(request, bank):
    """What a page carries (each type's `pack`) loses nothing: quizzes.js unpacks the key the
    SCORM launch page and the registry give, feedback and explanations included."""
    data: Exported = request.getfixturevalue(bank)
    for quiz in data.quizzes.values():
        for qid, key in grading_key(quiz, page_text())["questions"].items():
            assert data.site[qid] == key, qid
