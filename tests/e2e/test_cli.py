"""The ``dossier`` command as a subprocess, on temporary archives, as scripts use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "resources" / "sample" / "isis-comes-to-russia.txt"


def dossier(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # headless commands must not need Qt at all
    if data_dir is not None:
        env["DOSSIER_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=False,
    )


def test_import_then_list_show_search(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite")
    result = dossier("--archive", archive, "import", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    [imported] = json.loads(result.stdout)
    assert imported["status"] == "imported"
    assert imported["error"] is None
    source_id = imported["source_id"]

    sources = json.loads(dossier("--archive", archive, "sources", "--json").stdout)
    assert sources == [
        {
            "id": source_id, "uuid": sources[0]["uuid"], "title": "ISIS Comes to Russia",
            "published": "2015-07-11", "outlet": "The Daily Beast", "author": None, "url": None,
            "language": sources[0]["language"], "kind": "article", "sha256": sources[0]["sha256"],
        }
    ]

    shown = json.loads(dossier("--archive", archive, "show", str(source_id), "--json").stdout)
    assert shown["text"].startswith("Defectors")
    assert (shown["annotations"], shown["mentions"], shown["statistics"]) == ([], [], [])

    hits = json.loads(dossier("--archive", archive, "search", "Caucasus Knot", "--json").stdout)
    assert [h["source_id"] for h in hits] == [source_id]
    assert "Knot" in hits[0]["snippet"]

    again = dossier("--archive", archive, "import", str(SEED), "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout)[0]["status"] == "duplicate"


def test_the_default_archive_is_created_with_the_sample(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    stats = dossier("stats", "--json", data_dir=data_dir)
    assert stats.returncode == 0, stats.stderr
    claims = json.loads(stats.stdout)
    assert sorted(c["value"] for c in claims) == [249, 2200, 5816]
    assert {c["claimant"] for c in claims} == {None, "Caucasus Knot", "Russian officials"}
    for claim in claims:
        assert set(claim) >= {"id", "uuid", "value", "low", "high", "approximate", "measure", "unit",
                              "subject", "period_start", "period_end", "place", "claimant",
                              "source_id", "start", "end", "quote"}
    assert (data_dir / "archive.sqlite").exists()
    actors = json.loads(dossier("actors", "--json", data_dir=data_dir).stdout)
    asilderov = next(a for a in actors if a["name"] == "Rustam Asilderov")
    assert "Abu Muhammad al-Kadarskii" in asilderov["aliases"]
    # a second command does not add the sample again
    assert len(json.loads(dossier("sources", "--json", data_dir=data_dir).stdout)) == 1


def test_people_get_aligned_tables(tmp_path: Path) -> None:
    result = dossier("stats", data_dir=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "value", "measure"]
    assert set(lines[1]) <= {"-", " "}
    assert any("Caucasus Knot" in line for line in lines)
    csv_out = dossier("stats", "--csv", data_dir=tmp_path).stdout.splitlines()
    assert csv_out[0].startswith("id,value,low,high")
    assert len(csv_out) == 4


def test_a_quote_across_a_line_break_stays_on_its_row(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite")
    wrapped = tmp_path / "wrapped.txt"  # hard-wrapped, as text from a PDF or an e-mail is
    wrapped.write_text("Police said that 40 militants were\nkilled in Dagestan last year.\n", encoding="utf-8")
    assert dossier("--archive", archive, "import", str(wrapped)).returncode == 0
    result = dossier("--archive", archive, "suggest", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    [row] = [line for line in lines if line.startswith("40 ")]
    assert "were killed in Dagestan" in row
    assert not any(line.startswith("killed") for line in lines)


def test_bounds_of_a_claim_are_shown_in_the_value_column(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite")
    report = tmp_path / "report.txt"
    report.write_text("At least 110 people were killed across Iraq on Sunday.\n", encoding="utf-8")
    assert dossier("--archive", archive, "import", str(report)).returncode == 0
    lines = dossier("--archive", archive, "suggest", "1").stdout.splitlines()
    [row] = [line for line in lines if "killed" in line and "people" in line]
    assert row.startswith("110 (≥ 110)")


def test_bad_input_is_reported_per_file_and_the_rest_is_imported(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    cyrillic = tmp_path / "сводка.txt"
    cyrillic.write_bytes("Сводка\n\nБоевики убили 12 человек в Дагестане.".encode("cp1251"))
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    unknown = tmp_path / "image.xyz"
    unknown.write_bytes(b"\x89PNG")

    result = dossier("--archive", archive, "import", str(binary), str(cyrillic), str(missing), str(empty),
                     str(unknown), str(SEED), "--json")
    assert result.returncode == 1
    statuses = {Path(r["path"]).name: r for r in json.loads(result.stdout)}
    assert statuses["photo.txt"]["status"] == "failed"
    assert "binary" in statuses["photo.txt"]["error"]
    assert statuses["missing.txt"]["status"] == "failed"
    assert statuses["empty.txt"]["status"] == "failed"
    assert statuses["image.xyz"]["status"] == "skipped"
    assert statuses["сводка.txt"]["status"] == "imported"
    assert statuses["isis-comes-to-russia.txt"]["status"] == "imported"
    assert f"{binary}: " in result.stderr
    assert f"{missing}: " in result.stderr

    shown = json.loads(dossier("--archive", archive, "show", str(statuses["сводка.txt"]["source_id"]), "--json").stdout)
    assert "Боевики убили 12 человек в Дагестане." in shown["text"]


def test_an_archive_that_is_not_a_database_exits_2_and_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    content = b"PK\x03\x04 not really anything" * 100
    path.write_bytes(content)
    result = dossier("--archive", str(path), "sources")
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "not a Dossier archive" in result.stderr
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert dossier("--archive", str(tmp_path / "a.sqlite"), "show", "not-a-number").returncode == 2
    assert dossier("--archive", str(tmp_path / "a.sqlite"), "frobnicate").returncode == 2


def test_show_of_a_missing_source_is_an_input_failure(tmp_path: Path) -> None:
    result = dossier("--archive", str(tmp_path / "a.sqlite"), "show", "999")
    assert result.returncode == 1
    assert "999" in result.stderr


def test_headless_commands_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.main import main; "
        f"main(['--archive', {str(tmp_path / 'a.sqlite')!r}, 'sources', '--json']); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6', 'desktop.app'))]; "
        "print('QT', bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip().endswith("QT []")


def test_the_entry_point_loads_neither_qt_nor_the_archive_before_it_is_needed() -> None:
    """The importer's worker processes start by importing the program's main module."""
    code = (
        "import sys; import desktop.main; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6', 'sqlalchemy', 'desktop.app'))]; "
        "print('LOADED', bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip().endswith("LOADED []")


@pytest.mark.postgres
def test_the_same_commands_work_on_postgresql(postgres_url: str) -> None:
    result = dossier("--archive", postgres_url, "import", str(SEED), "--json", "--keep-duplicates")
    assert result.returncode == 0, result.stderr
    source_id = json.loads(result.stdout)[0]["source_id"]
    sources = json.loads(dossier("--archive", postgres_url, "sources", "--json").stdout)
    assert any(s["id"] == source_id and s["published"] == "2015-07-11" for s in sources)
    hits = json.loads(dossier("--archive", postgres_url, "search", "Caucasus Knot", "--json").stdout)
    assert source_id in [h["source_id"] for h in hits]
