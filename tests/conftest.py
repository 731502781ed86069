"""Shared fixtures: one strict build of the real site per session, a server for it, a browser.

Servers are started and stopped here, never by hand; the browser is Debian's chromium.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from crs import coursedata, pdf

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/* from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """A real `mkdocs build --strict` of `project`, as the README's build command runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site_dir),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def copy_project(target: Path) -> Path:
    """A copy of the real project to break on purpose in a failure scenario."""
    for name in ("docs", "overrides", "quizzes", "mkdocs.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory):
    """A server for the site folder, started before the build so the site knows its own URL."""
    folder = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_dir(_site_server) -> Path:
    out, url = _site_server
    # Built for the URL it is served from, as `mkdocs serve` and a deployment do: only then does
    # Material's instant navigation run, so the browser tests go through it.
    result = mkdocs_build(ROOT, out, env={"CRS_SITE_URL": f"{url}/"})
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    # As scripts/build does: the PDFs the module home links to.
    pdf.build(ROOT / "mkdocs.yml", out / "downloads")
    return out


def course_on_page(page: Path) -> dict:
    """The course model as a built page gives it to its scripts (overrides/crs/model.js): the
    core every page loads (script #crs-course), with the page's detail (script
    #crs-course-detail) merged over it."""
    html = page.read_text(encoding="utf-8")

    def data(element_id: str):
        found = re.search(rf'<script defer id="{element_id}" src="([^"]+)"', html)
        return found and coursedata.script_data((page.parent / found[1]).read_text("utf-8"))

    core, detail = data("crs-course"), data("crs-course-detail")
    if not detail:
        return core
    pairs = zip(core["lessons"], detail["lessons"], strict=True)
    lessons = [{**lesson, **more} for lesson, more in pairs]
    return {**core, **detail, "lessons": lessons}


@functools.cache
def grading_keys() -> dict:
    """Every question's key by id, as quizzes.js unpacks it from a page (test_export_keys.py
    checks they agree): from the course model, as the SCORM launch page takes it."""
    from crs.exports.scorm import quiz_keys
    from crs.model import load

    return quiz_keys(load(ROOT))


@pytest.fixture(scope="session")
def model(site_dir) -> dict:
    """The whole course model, as the workspace page has it."""
    return course_on_page(site_dir / "workspace.html")


@pytest.fixture(scope="session")
def site_pages(site_dir) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.parts)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(_site_server, site_dir) -> str:
    return _site_server[1]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(
    not (NODE and ESBUILD.exists()), reason="needs node and esbuild (npm ci)"
)


def node_module(source: Path, folder: Path, name: str = "m", prelude: str = ""):
    """One front-end module bundled for Node; returns a function that runs a script in which the
    module is imported as `name` and gives back what the script prints as JSON. `prelude` runs
    before the module loads (e.g. a stand-in for the page's `location`, which Node lacks)."""
    bundle = folder / f"{source.stem}.mjs"
    (folder / "prelude.mjs").write_text(prelude, encoding="utf-8")
    subprocess.run(
        [
            str(ESBUILD),
            str(source),
            "--bundle",
            "--format=esm",
            "--platform=neutral",
            f"--outfile={bundle}",
            "--log-level=error",
        ],
        check=True,
    )

    def run(script: str):
        runner = folder / "run.mjs"
        header = f'import "./prelude.mjs"\nimport * as {name} from "./{bundle.name}"'
        runner.write_text(f"{header}\n{script}\n", encoding="utf-8")
        done = subprocess.run([NODE, str(runner)], capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    return run


@pytest.fixture
def offline_page(page):
    """A page whose every http(s) request is recorded (page.blocked) and refused."""
    blocked: list[str] = []

    def refuse(route):
        blocked.append(route.request.url)
        route.abort()

    page.route("http://**/*", refuse)
    page.route("https://**/*", refuse)
    page.blocked = blocked
    return page


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page: WCAG 2.2 A/AA rules plus best practice."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)}))",
        AXE_TAGS,
    )


@pytest.fixture(scope="session")
def scorm_dist(tmp_path_factory) -> Path:
    """Both SCORM packages, exported once per session as scripts/export does."""
    from crs.exports.formats import export

    out = tmp_path_factory.mktemp("dist")
    export(ROOT, ["scorm12", "scorm2004"], out)
    return out
