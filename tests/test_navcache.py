"""Material's navigation rendered once per distinct output (crs/navcache.py): the same bytes in
every page as Material's own partial gives, on the real site and on a course of several module
folders, with a top-level entry rendered again only where its links change."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import jinja2
import material
import pytest
from conftest import copy_project, mkdocs_build
from mkdocs.structure.nav import Link, Section
from mkdocs.utils import get_relative_url, normalize_url
from test_benchmark import script

from crs.navcache import NavCache, cached_nav_source, page_folder, render_nav_once
from crs.theme import ThemeChanged

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
MATERIAL_NAV = MATERIAL_TEMPLATES / "partials" / "nav.html"


def module(number: int) -> Section:
    return Section(
        f"Module {number}",
        [Link(name, f"module-{number}/{name}.html") for name in ("definitions", "models")],
    )


def pages(*urls: str) -> list:
    return [type("Page", (), {"url": url})() for url in urls]


def test_pages_in_one_folder_share_an_entrys_html():
    cache, entry = NavCache(), module(3)
    first, second = (
        cache.key(entry, "__nav_5", 1, url) for url in ("module-2/a.html", "module-2/b.html")
    )
    assert first == second is not None


def test_pages_in_sibling_folders_share_an_entrys_html():
    cache, entry = NavCache(), module(3)
    keys = {cache.key(entry, "__nav_5", 1, f"module-{n}/definitions.html") for n in (2, 4, 9)}
    assert len(keys) == 1


def test_pages_at_another_depth_or_in_the_entrys_folder_do_not():
    cache, entry = NavCache(), module(3)
    urls = ("index.html", "module-2/a.html", "module-3/a.html", "module-2/deeper/a.html")
    keys = [cache.key(entry, "__nav_5", 1, url) for url in urls]
    assert len(set(keys)) == len(urls)


def test_another_entry_or_path_has_its_own_key():
    cache = NavCache()
    url = "module-2/a.html"
    assert cache.key(module(3), "__nav_5", 1, url) != cache.key(module(4), "__nav_5", 1, url)
    entry = module(3)
    assert cache.key(entry, "__nav_5", 1, url) != cache.key(entry, "__nav_6", 1, url)


def test_a_page_inside_a_path_an_entry_links_to_renders_it_afresh():
    # From sub/page.html, a link to "sub" is "." and not "../sub" as from other/page.html.
    cache, entry = NavCache(), Section("Sub", [Link("Folder", "sub"), Link("A", "sub/a.html")])
    assert cache.key(entry, "__nav_1", 1, "sub/page.html") is None
    assert cache.key(entry, "__nav_1", 1, "other/page.html") is not None


def links(entry) -> list[str]:
    return [entry.url] if isinstance(entry, Link) else [u for c in entry.children for u in links(c)]


ENTRIES = [
    Section(
        "Mixed",
        [
            Link("Root", "index.html"),
            Link("Deep", "a/b/c.html"),
            Link("Up", "../x.html"),
            Link("Folder", "a/b/"),
            Link("Site", "https://example.org/a.html"),
            Section("Inner", [Link("Sibling", "a/d.html"), Link("Dotless", "a/b")]),
        ],
    ),
    Section("To a folder", [Link("Folder", "a/b"), Link("Beside it", "a/f.html")]),
    module(3),
]
PAGE_URLS = ["index.html", "x.html", "a/p.html", "a/q.html", "a/b/p.html", "a/d/p.html"]
PAGE_URLS += ["a/e/p.html", "c/p.html", "c/e/p.html", "a/b/c/p.html", "a/b", "a/b/", "c/"]
PAGE_URLS += ["module-2/a.html", "module-3/a.html", "module-3/a/b.html"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.title)
def test_pages_with_one_key_get_the_same_link_to_every_url_of_the_entry(entry):
    """What the key stands for: Material's `url` filter gives the same on every page of a key."""
    cache = NavCache()
    for one, other in itertools.combinations(pages(*PAGE_URLS), 2):
        key = cache.key(entry, "__nav_1", 1, one.url)
        if key is not None and key == cache.key(entry, "__nav_1", 1, other.url):
            for url in links(entry):
                assert normalize_url(url, one) == normalize_url(url, other), (one.url, other.url)


def test_the_page_folder_is_the_one_mkdocs_resolves_links_from():
    for url in ("index.html", "a/b.html", "a/b/", "a/b", ""):
        assert get_relative_url("x/y.html", url) == get_relative_url(
            "x/y.html", page_folder(url) + "/"
        )


class Caller:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"<li>rendered {self.calls}</li>"


def test_an_entry_is_rendered_once_per_key_and_always_when_active():
    cache, entry, caller = NavCache(), module(3), Caller()
    first, sibling, root = pages("module-2/a.html", "module-4/a.html", "index.html")
    assert cache(entry, "__nav_5", 1, first, caller=caller) == "<li>rendered 1</li>"
    assert cache(entry, "__nav_5", 1, sibling, caller=caller) == "<li>rendered 1</li>"
    assert cache(entry, "__nav_5", 1, root, caller=caller) == "<li>rendered 2</li>"
    entry.active = True
    assert cache(entry, "__nav_5", 1, sibling, caller=caller) == "<li>rendered 3</li>"


def test_a_theme_page_without_a_page_renders_every_entry():
    cache, entry, caller = NavCache(), module(3), Caller()
    cache(entry, "__nav_5", 1, None, caller=caller)
    cache(entry, "__nav_5", 1, None, caller=caller)
    assert caller.calls == 2


def test_materials_nav_partial_gets_only_its_entry_loop_changed():
    material = MATERIAL_NAV.read_text(encoding="utf-8")
    ours = cached_nav_source(material, str(MATERIAL_NAV))
    call = re.compile(r"\{% call crs_nav_cache\(nav_item, path, 1, page\) %\}(.*?)\{% endcall %\}")
    assert len(call.findall(ours)) == 1
    assert call.sub(r"\1", ours) == material


def test_a_nav_partial_without_the_entry_loop_stops_the_build_naming_it():
    with pytest.raises(ThemeChanged, match=r"^custom/partials/nav\.html: .*item\.render"):
        cached_nav_source("{{ item.render(nav_item, path, 2) }}", "custom/partials/nav.html")


def test_each_environment_reads_the_partial_rewritten_with_a_cache_of_its_own():
    envs = [jinja2.Environment(loader=jinja2.FileSystemLoader(str(MATERIAL_TEMPLATES)))]
    envs.append(jinja2.Environment(loader=envs[0].loader))
    for env in envs:
        render_nav_once(env)
    first, second = (env.globals["crs_nav_cache"] for env in envs)
    assert isinstance(first, NavCache) and first is not second
    assert "crs_nav_cache" in envs[0].loader.get_source(envs[0], "partials/nav.html")[0]
    assert "crs_nav_cache" not in envs[0].loader.get_source(envs[0], "partials/nav-item.html")[0]


def html_pages(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in site.rglob("*.html")
        if "assets" not in path.relative_to(site).parts
    }


def differing(with_cache: dict[str, bytes], without: dict[str, bytes]) -> list[str]:
    assert with_cache.keys() == without.keys()
    return [name for name in sorted(without) if with_cache[name] != without[name]]


def build_without_cache(project: Path, out: Path, env: dict | None = None) -> dict[str, bytes]:
    """Built with Material's own nav partial, left as it is, which never calls the cache."""
    hook = project / "overrides" / "hooks" / "course.py"
    source = hook.read_text(encoding="utf-8")
    assert source.count("navcache.render_nav_once(env)") == 1
    hook.write_text(source.replace("navcache.render_nav_once(env)", "pass"), encoding="utf-8")
    result = mkdocs_build(project, out, env=env)
    assert result.returncode == 0, result.stderr
    return html_pages(out)


@pytest.mark.slow
def test_every_page_of_the_site_is_byte_identical_to_materials_nav(site_dir, site_url, tmp_path):
    without = build_without_cache(
        copy_project(tmp_path / "project"), tmp_path / "site", env={"CRS_SITE_URL": f"{site_url}/"}
    )
    assert differing(html_pages(site_dir), without) == []


@pytest.mark.slow
def test_every_page_of_a_course_of_module_folders_is_byte_identical(tmp_path):
    project = copy_project(tmp_path / "project")
    benchmark = script("benchmark")
    benchmark.make_synthetic(project, 3)  # module-2/ and module-3/ beside the root
    # A section with an index page (navigation.indexes), linked from its title.
    (project / "docs" / "module-2" / "index.md").write_text("# Module 2\n", encoding="utf-8")
    config = benchmark.load_config(project)
    config["nav"][-2]["Module 2"].insert(0, "module-2/index.md")
    benchmark.save_config(project, config)
    result = mkdocs_build(project, tmp_path / "with")
    assert result.returncode == 0, result.stderr
    with_cache = html_pages(tmp_path / "with")
    assert {"module-2/index.html", "module-3/models.html", "tutor/index.html"} <= with_cache.keys()
    assert differing(with_cache, build_without_cache(project, tmp_path / "without")) == []
