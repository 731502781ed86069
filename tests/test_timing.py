"""Lesson time estimates: the rates, the words a learner reads, and the warning on a wrong time."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from crs import course, timing
from crs.activities import Activity
from crs.errors import Faults

BLOCKS = {"reflection", "quiz", "activity", "instructor", "editor"}

LESSON = """\
---
title: A lesson
time: {time}
objectives:
  - Tell one idea from another
keypoints:
  - One key point
---

## A heading

Ten words of lesson text that the learner reads carefully.

/// instructor
These tutor words are never shown to the learner at all.
///

/// editor
Nor are these editing words about the repaired text.
///

/// activity | read-x
///

/// activity | watch-y
///

/// reflection | a-prompt
    guidance: Think.

A prompt whose words count in the prompt rate.
///

/// quiz | q
///
"""

ACTIVITIES = {
    "read-x": Activity(id="read-x", type="read", title="X", reference="r", pages="4\u20137"),
    "watch-y": Activity(
        id="watch-y", type="watch", title="Y", reference="r", duration=5, optional=True
    ),
}
QUIZZES = {
    "q": SimpleNamespace(
        questions=[SimpleNamespace(type=kind) for kind in ("single", "multiple", "classify")]
    )
}


def test_pages_of_counts_a_range_inclusively():
    assert timing.pages_of("14\u201316") == 3
    assert timing.pages_of("8") == 1
    assert timing.pages_of("") == 0


def test_estimate_adds_the_stated_rates_and_rounds_up():
    minutes = timing.estimate_minutes(
        words=400, reading_pages=3, video_minutes=4, prompts=2, question_minutes=[1, 1.5]
    )
    # 400/200 + 3*4 + 4 + 2*4 + 1 + 1.5 = 28.5
    assert minutes == 29


def test_estimate_is_at_least_a_minute():
    assert timing.estimate_minutes(words=1) == 1


def test_learner_words_leave_out_notes_prompts_quizzes_cards_and_citations():
    body = LESSON.format(time=5).split("---\n", 2)[2]
    # "A heading" (2) + the ten-word sentence; citations and markers would add none.
    assert timing.learner_words(body, "x.md", BLOCKS) == 12
    assert timing.learner_words("Text [@key:11] here <!-- crs:lessons -->", "x.md", BLOCKS) == 2


def test_learner_words_read_included_fragments(tmp_path: Path):
    (tmp_path / "part.md").write_text("three more words", encoding="utf-8")
    assert timing.learner_words("One {!part.md!}", "x.md", BLOCKS, tmp_path) == 4


def test_lesson_estimate_counts_required_activities_only():
    text = LESSON.format(time=5)
    page = course.read_page(text, "x.md", BLOCKS)
    estimate = timing.lesson_estimate(page, text, BLOCKS, ACTIVITIES, QUIZZES)
    # words 12 + objective 5 + key point 3 = 20 -> 0.1; reading 4 pages -> 16; optional video 0;
    # one prompt -> 4; questions 1 + 1.5 + 2 -> 4.5: 24.6 -> 25
    assert estimate == 25


@pytest.mark.parametrize(
    ("stated", "estimate", "off"),
    [(25, 25, False), (18, 25, False), (32, 25, False), (17, 25, True), (33, 25, True)],
)
def test_a_time_more_than_30_percent_off_is_flagged(stated, estimate, off):
    assert timing.is_off(stated, estimate) is off


def _course_with(tmp_path: Path, time: int) -> course.Course:
    (tmp_path / "x.md").write_text(LESSON.format(time=time), encoding="utf-8")
    return course.Course(course.load_course(tmp_path, ["x.md"], BLOCKS, Faults()).pages, QUIZZES)


def test_check_warns_with_file_line_estimate_and_stated_time(tmp_path: Path):
    warnings = timing.check_lesson_times(_course_with(tmp_path, 60), tmp_path, BLOCKS, ACTIVITIES)
    assert warnings == [
        f"{tmp_path.name}/x.md:3: expected 'time' within 30% of the estimated 25 minutes "
        "(README, 'Lesson times'), found 60"
    ]


def test_check_is_silent_when_the_time_is_honest(tmp_path: Path):
    assert timing.check_lesson_times(_course_with(tmp_path, 25), tmp_path, BLOCKS, ACTIVITIES) == []
