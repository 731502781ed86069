"""The course data pages carry for their code (crs.coursedata)."""

from __future__ import annotations

import json

from crs import coursedata


def test_page_json_is_compact_and_safe_in_a_script_and_a_quoted_attribute():
    data = {"title": "</script><b>'Tom' & Jerry</b>", "ids": ["a", "b"]}
    text = coursedata.page_json(data)
    assert ", " not in text and ": " not in text
    assert not set("<>&'") & set(text)
    assert json.loads(text) == data
