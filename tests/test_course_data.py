"""The course data pages carry (crs.coursedata), serialised once a build."""

from __future__ import annotations

import json

from conftest import ROOT

from crs import coursedata, model


def test_serialised_once_it_is_the_core_and_each_bundles_detail():
    the_model = model.load(ROOT)
    made = coursedata.template_globals(the_model)
    core, details = coursedata.course_data(the_model)
    assert made["crs_course"] == core
    assert json.loads(made["crs_course_json"]) == core
    assert made["crs_course_detail_json"].keys() == details.keys()
    for name, detail in details.items():
        assert json.loads(made["crs_course_detail_json"][name]) == detail


def test_page_json_is_compact_and_safe_in_a_script_and_a_quoted_attribute():
    data = {"title": "</script><b>'Tom' & \"Jerry\"</b>", "ids": ["a", "b"]}
    text = coursedata.page_json(data)
    assert ", " not in text and ": " not in text
    assert not set("<>&'") & set(text)
    assert json.loads(text) == data
