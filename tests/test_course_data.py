"""The course data pages load (crs.coursedata): script files serialised once a build."""

from __future__ import annotations

import pytest
from conftest import ROOT

from crs import coursedata, model


def test_each_bundles_data_is_one_file_named_by_its_content():
    the_model = model.load(ROOT)
    made, files = coursedata.course_scripts(the_model)
    core, details = coursedata.course_data(the_model)
    assert made["crs_course"] == core
    assert coursedata.script_data(files[made["crs_course_script"]]) == core
    assert made["crs_course_detail_script"].keys() == details.keys()
    for name, detail in details.items():
        assert coursedata.script_data(files[made["crs_course_detail_script"][name]]) == detail
    # The home and the lessons read the same detail: one file, fetched once.
    detail_scripts = made["crs_course_detail_script"]
    assert detail_scripts["home"] == detail_scripts["lessons"]
    assert len(files) == len({made["crs_course_script"], *detail_scripts.values()})


def test_a_changed_course_gets_new_file_names(monkeypatch):
    the_model = model.load(ROOT)
    before, _ = coursedata.course_scripts(the_model)
    core, details = coursedata.course_data(the_model)
    changed = ({**core, "version": "changed"}, details)
    monkeypatch.setattr(coursedata, "course_data", lambda _: changed)
    after, files = coursedata.course_scripts(the_model)
    assert after["crs_course_script"] != before["crs_course_script"]
    assert after["crs_course_detail_script"] == before["crs_course_detail_script"]
    assert coursedata.script_data(files[after["crs_course_script"]])["version"] == "changed"


def test_data_script_is_compact_safe_in_a_script_and_reads_back():
    data = {"title": "</script><b>'Tom' & \"Jerry\"</b>", "ids": ["a", "b"]}
    text = coursedata.data_script(data)
    assert ", " not in text and ": " not in text
    assert not set("<>&'") & set(text.removeprefix(coursedata.DATA_SCRIPT_START))
    assert coursedata.script_data(text) == data


def test_reading_back_something_else_fails_clearly():
    with pytest.raises(ValueError, match="not a course data script"):
        coursedata.script_data('{"course": "x"}')
