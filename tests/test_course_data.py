"""The course data pages carry (crs.coursedata), serialised once a build: the same bytes as the
template's `tojson` filter would write on each page."""

from __future__ import annotations

import jinja2
from conftest import ROOT

from crs import coursedata, model


def test_serialised_once_it_is_what_tojson_writes_in_the_page():
    env = jinja2.Environment(autoescape=True)
    the_model = model.load(ROOT)
    made = coursedata.template_globals(the_model, env)
    core, details = coursedata.course_data(the_model)
    page = env.from_string("{{ value | tojson }}")
    assert made["crs_course"] == core
    assert made["crs_course_json"] == page.render(value=core)
    assert made["crs_course_detail_json"].keys() == details.keys()
    for name, detail in details.items():
        assert made["crs_course_detail_json"][name] == page.render(value=detail)


def test_what_could_end_a_script_or_an_attribute_is_escaped():
    env = jinja2.Environment(autoescape=True)
    value = {"title": "</script><b>'A' & \"B\"</b>"}
    written = coursedata.as_json(env, value)
    assert written == env.from_string("{{ value | tojson }}").render(value=value)
    assert not {"<", ">", "&", "'"} & set(written)
