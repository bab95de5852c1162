"""The importer's worker processes end when the importing process dies (issue 21, defect 6)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

_IMPORTER = """
import json, sys, time
from db.ingest.parsing import ParserPool
pool = ParserPool(2)
futures = [pool.submit(sys.argv[1], None, None) for _ in range(4)]
for future in futures:
    pool.result(future, sys.argv[1], None, None)
print(json.dumps(list(pool._executor._processes)), flush=True)
time.sleep(120)  # killed meanwhile
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def test_workers_exit_when_the_importing_process_is_killed(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>Forty people were detained.</p></article></body></html>")
    importer = subprocess.Popen(
        [sys.executable, "-c", _IMPORTER, str(page)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert importer.stdout is not None
        workers = json.loads(importer.stdout.readline())
        assert len(workers) == 2
        assert all(_alive(pid) for pid in workers)
        os.kill(importer.pid, signal.SIGKILL)
        importer.wait(10)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        importer.kill()
        for pid in workers if "workers" in locals() else []:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


_KILLED_READING_ATTACHMENT = """
import os, signal, sys
from db.ingest import text
from db.ingest.parsing import parse_file

def killed(path, **_options):
    os.kill(os.getpid(), signal.SIGKILL)  # a crash while the attachment is being read
    yield

text.parse = killed
parse_file(sys.argv[1])
"""


def test_an_attachment_leaves_no_copy_behind_when_the_reader_is_killed(tmp_path: Path) -> None:
    """Issue 21, defect 13: an e-mail attachment's temporary copy is never left behind."""
    from tests.db.ingest.conftest import write_message

    note = tmp_path / "casualty-list.txt"
    note.write_text("Casualty list\n\nNames of the 14 detained.\n")
    message = write_message(tmp_path / "message.eml", attachments=[note])
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_READING_ATTACHMENT, str(message)], cwd=REPO, timeout=60, check=False,
        env={**os.environ, "TMPDIR": str(temporary), "TEMP": str(temporary), "TMP": str(temporary)},
    )
    assert done.returncode == -signal.SIGKILL
    assert list(temporary.rglob("*")) == []
