"""`mkdocs serve` (scripts/serve): it offers the PDFs made for it, and an edited quiz file shows
on its page without a restart (quiz data lives outside docs/, so serve must watch it)."""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from conftest import copy_project

from crs import model, site


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
    except (urllib.error.URLError, TimeoutError):
        return 0, b""  # not listening yet, or held while a slow rebuild runs


def page_as_built(url: str) -> bytes:
    """A served page without the live-reload script serve adds (it carries the site's epoch)."""
    status, body = fetch(url)
    assert status == 200
    return re.sub(rb"<script>[^<]*livereload[^<]*</script>(?=</body>)", b"", body)


def start_serve(project, url: str) -> subprocess.Popen:
    """`mkdocs serve` of a project copy at url as scripts/serve runs it (dirty: pages whose inputs
    did not change are kept), its output (and errors) on a pipe."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", url[7:]],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(url: str, wanted: bytes, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while wanted not in fetch(url)[1]:
        assert server.poll() is None, server.stdout.read()
        assert time.monotonic() < deadline, f"{url} never showed {wanted!r}"
        time.sleep(0.3)


@contextlib.contextmanager
def serving(project, page: str = "index.html", seconds: float = 60):
    """`mkdocs serve` of project (start_serve) for the with-block, once `page` is built: (url,
    server, output), its output read on a thread so the pipe never fills and stops serve."""
    url = f"http://127.0.0.1:{free_port()}"
    server = start_serve(project, url)
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(server.stdout), daemon=True).start()
    try:
        wait_for(f"{url}/{page}", b"</html>", server, seconds)
        yield url, server, output
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_offers_its_pdfs_and_rebuilds_when_a_quiz_changes(tmp_path):
    project = copy_project(tmp_path)
    folder = project / site.SERVED_PDFS
    folder.mkdir(parents=True)
    (folder / "co-production-learner.pdf").write_bytes(b"%PDF-1.7 sample")
    course = model.load(project).course
    page, quiz_id = next((p, uses[0][0]) for p in course.pages if (uses := p.quiz_uses))
    quiz_file = course.quizzes[quiz_id].path
    url = f"http://127.0.0.1:{free_port()}"
    server = start_serve(project, url)
    try:
        wait_for(f"{url}/index.html", b"</html>", server)
        assert fetch(f"{url}/downloads/co-production-learner.pdf") == (200, b"%PDF-1.7 sample")
        assert fetch(f"{url}/downloads/co-production-tutor.pdf")[0] == 404

        marker = "Quiz title edited while serving"
        text = quiz_file.read_text(encoding="utf-8")
        quiz_file.write_text(
            re.sub(r"^title:.*$", f"title: {marker}", text, count=1, flags=re.M), encoding="utf-8"
        )
        wait_for(f"{url}/{page.url}", marker.encode(), server)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_reports_a_fault_once_keeps_the_last_pages_and_rebuilds_on_the_next_good_save(
    tmp_path,
):
    project = copy_project(tmp_path)
    page = project / "docs" / "models.md"
    good = page.read_text(encoding="utf-8")
    with serving(project, "models.html") as (url, server, output):
        last_good = page_as_built(f"{url}/models.html")
        line = good.count("\n") + 2
        page.write_text(good + "\nAs shown [@no-such-key].\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while not any("authoring fault found" in out for out in output):
            assert server.poll() is None and time.monotonic() < deadline, "".join(output)
            time.sleep(0.3)
        fault = f"docs/models.md:{line}: expected a citation key from the bibliography"
        assert "".join(output).count(fault) == 1, "".join(output)
        assert page_as_built(f"{url}/models.html") == last_good
        assert fetch(f"{url}/index.html")[0] == 200

        page.write_text(good + "\nA sentence added while serving.\n", encoding="utf-8")
        wait_for(f"{url}/models.html", b"A sentence added while serving.", server)
    print("".join(output))
