"""`mkdocs serve` (scripts/serve): it offers the PDFs made for it, and rebuilds when quiz data,
front-end sources or templates change, not only docs/."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import copy_project

from crs import site


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except urllib.error.URLError:
        return 0, b""  # not listening yet


def test_serve_offers_its_pdfs_and_watches_the_course_sources(tmp_path):
    project = copy_project(tmp_path)
    folder = project / site.SERVED_PDFS
    folder.mkdir(parents=True)
    (folder / "co-production-learner.pdf").write_bytes(b"%PDF-1.7 sample")
    url = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", url[7:]],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while fetch(f"{url}/index.html")[0] != 200:
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "mkdocs serve did not start"
            time.sleep(0.3)
        assert fetch(f"{url}/downloads/co-production-learner.pdf") == (200, b"%PDF-1.7 sample")
        assert fetch(f"{url}/downloads/co-production-tutor.pdf")[0] == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
    watching = next(line for line in server.stdout.read().splitlines() if "Watching paths" in line)
    for path in ("quizzes", "overrides", "templates", "downloads"):
        assert path in watching, watching
