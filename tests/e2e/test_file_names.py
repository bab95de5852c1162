"""File names that are not valid UTF-8 (a zip made on Windows, unpacked on Linux) import like
any other (issue 21, defect 12); names with line breaks stay one problem line (defect 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def dossier(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv], cwd=REPO, capture_output=True, text=True,
        encoding="utf-8", errors="strict", timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.skipif(sys.platform != "linux", reason="names are bytes on Linux only")
def test_a_file_name_in_windows_cyrillic_is_imported(tmp_path: Path) -> None:
    folder = tmp_path / "unpacked"
    folder.mkdir()
    name = "Отчёт Донецк.txt".encode("cp1251")  # not UTF-8: as a Windows zip leaves it
    with open(os.fsencode(folder) + b"/" + name, "wb") as handle:
        handle.write(b"Report\n\nForty shells hit the district.\n")
    (folder / "plain.txt").write_text("Plain\n\nAnother report.\n")
    done = dossier("--archive", str(tmp_path / "a.sqlite"), "import", str(folder), "--json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [r["status"] for r in results] == ["imported", "imported"]
    shown = dossier("--archive", str(tmp_path / "a.sqlite"), "sources", "--json")
    assert sorted(s["title"] for s in json.loads(shown.stdout)) == ["Plain", "Report"]


def test_a_file_name_with_a_line_break_stays_one_problem_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken\nreport.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    done = dossier("--archive", str(tmp_path / "a.sqlite"), "import", str(bad))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(str(tmp_path / "broken\\nreport.pdf") + ": ")
