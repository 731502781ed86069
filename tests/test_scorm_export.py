"""The SCORM packages as files: reproducible zips, manifests valid against the schema files
they ship, every packaged file listed, a learner-only site, the pass mark from mkdocs.yml."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from crs import coursedata
from crs.errors import CourseError
from crs.exports import scorm
from crs.exports.formats import export

ROOT = Path(__file__).resolve().parent.parent
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
CP4 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
# Content packaging and ADL schemas only: the 1.2 metadata schema cannot be loaded (toolchain.md).
SCHEMAS = {
    "scorm12": [
        ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
    ],
    "scorm2004": [
        ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
        ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
    ],
}
ROOT_SCHEMAS = {
    "scorm12": {
        "adlcp_rootv1p2.xsd",
        "imscp_rootv1p1p2.xsd",
        "imsmd_rootv1p2p1.xsd",
        "ims_xml.xsd",
    },
    "scorm2004": {"imscp_v1p1.xsd", "adlcp_v1p3.xsd", "imsss_v1p0.xsd", "adlseq_v1p3.xsd"},
}


def unpacked(scorm_dist: Path, fmt: str, tmp_path: Path) -> Path:
    folder = tmp_path / fmt
    with zipfile.ZipFile(scorm_dist / scorm.VERSIONS[fmt].filename) as package:
        package.extractall(folder)
    return folder


def schema_for(folder: Path, fmt: str) -> etree.XMLSchema:
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>'
        for ns, name in SCHEMAS[fmt]
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), base_url=folder.as_uri() + "/"))


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_manifest_is_valid_against_the_schema_files_it_ships(scorm_dist, fmt, tmp_path):
    folder = unpacked(scorm_dist, fmt, tmp_path)
    assert ROOT_SCHEMAS[fmt] <= {p.name for p in folder.glob("*.xsd")}
    schema = schema_for(folder, fmt)
    manifest = etree.parse(str(folder / "imsmanifest.xml"))
    assert schema.validate(manifest), schema.error_log
    # The check can fail: a manifest without its organizations is refused.
    broken = etree.parse(str(folder / "imsmanifest.xml"))
    organizations = broken.getroot()[1]
    broken.getroot().remove(organizations)
    assert not schema.validate(broken)


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_manifest_lists_every_packaged_file_and_nothing_else(scorm_dist, fmt, tmp_path):
    folder = unpacked(scorm_dist, fmt, tmp_path)
    ns = CP if fmt == "scorm12" else CP4
    root = etree.parse(str(folder / "imsmanifest.xml")).getroot()
    resource = root.find(f"{ns}resources/{ns}resource")
    listed = [unquote(f.get("href")) for f in resource.findall(f"{ns}file")]
    assert all(not h.startswith(("/", "..")) and "://" not in h and "/../" not in h for h in listed)
    meta = (
        {"imsmanifest.xml"}
        | {p.name for p in folder.glob("*.xsd")}
        | {p.name for p in folder.glob("*.dtd")}
    )
    packaged = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert sorted(listed) == sorted(packaged - meta)
    assert resource.get("href") == "scorm.html" and "scorm.html" in listed
    # A learner package: no tutor page, no tutor PDF, no link to either.
    assert not [h for h in listed if h.startswith("tutor/") or h.endswith("-tutor.pdf")]
    assert "-tutor.pdf" not in (folder / "index.html").read_text(encoding="utf-8")
    assert "downloads/co-production-learner.pdf" in listed


def test_identifiers_titles_and_pass_mark(scorm_dist, tmp_path):
    folder = unpacked(scorm_dist, "scorm12", tmp_path)
    root = etree.parse(str(folder / "imsmanifest.xml")).getroot()
    assert root.get("identifier") == "crs-co-production"
    item = root.find(f"{CP}organizations/{CP}organization/{CP}item")
    assert item.find(f"{CP}title").text == "Co-production: levels, types and models"
    mastery = item.find("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore").text
    assert mastery == "80"
    folder4 = unpacked(scorm_dist, "scorm2004", tmp_path)
    text = (folder4 / "imsmanifest.xml").read_text(encoding="utf-8")
    assert "<imsss:minNormalizedMeasure>0.80</imsss:minNormalizedMeasure>" in text
    launch = (folder4 / "scorm.html").read_text(encoding="utf-8")
    assert 'data-crs-scorm="2004"' in launch and 'data-crs-mastery="80"' in launch


def test_titles_with_markup_characters_stay_valid_xml(tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("<p>home</p>", encoding="utf-8")
    for name in ("1.2", "2004"):
        version = next(v for v in scorm.VERSIONS.values() if v.name == name)
        text = scorm.manifest(site_dir, version, 75, 'Tom & Jerry\'s <"quoted"> course', "x y")
        root = etree.fromstring(text.encode())
        titles = [t.text for t in root.iter() if str(t.tag).endswith("title")]
        assert titles == ['Tom & Jerry\'s <"quoted"> course'] * 2
        assert root.get("identifier") == "crs-x-y"


def test_two_exports_give_identical_bytes(scorm_dist, tmp_path):
    scorm._built.clear()  # build the site again, as a second run of scripts/export does
    for again in export(ROOT, ["scorm12", "scorm2004"], tmp_path):
        assert again.read_bytes() == (scorm_dist / again.name).read_bytes(), again.name


def test_launch_page_carries_every_question_key(scorm_dist, tmp_path):
    folder = unpacked(scorm_dist, "scorm12", tmp_path)
    launch = (folder / "scorm.html").read_text(encoding="utf-8")
    start = launch.index('<script id="crs-scorm-keys" type="application/json">')
    keys = json.loads(launch[launch.index(">", start) + 1 : launch.index("</script>", start)])
    start = launch.index('<script id="crs-course">')
    course = coursedata.script_data(
        launch[launch.index(">", start) + 1 : launch.index("</script>", start)]
    )
    questions = {
        q for lesson in course["lessons"] for quiz in lesson["quizzes"] for q in quiz["questions"]
    }
    assert questions and questions <= set(keys)


@pytest.mark.parametrize(
    ("value", "found"), [("85", "'85'"), ("101", "101"), ("-1", "-1"), ("0.8", "0.8")]
)
def test_a_bad_pass_mark_names_the_file_and_line(tmp_path, value, found):
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra:\n  mastery_score: {value}\n", encoding="utf-8")
    if value == "85":
        config.write_text("site_name: x\nextra:\n  mastery_score: '85'\n", encoding="utf-8")
    with pytest.raises(CourseError) as error:
        scorm.mastery_score(config)
    assert str(error.value).startswith(f"{config}:3: extra.mastery_score: expected a whole number")
    assert str(error.value).endswith(f"found {found}")


def test_pass_mark_defaults_to_80(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    assert scorm.mastery_score(config) == 80
