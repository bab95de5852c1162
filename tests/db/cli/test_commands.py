"""The headless commands in-process, on temporary archives: what scripts and people read."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from db import __version__
from db.archive import Archive
from db.cli import NO_ARCHIVE_COMMANDS, build_parser, main, run
from db.cli.commands import COMMANDS
from tests.factories import make_source

SEED = Path(__file__).resolve().parents[3] / "resources" / "sample" / "isis-comes-to-russia.txt"
SOURCE_KEYS = {"id", "uuid", "title", "published", "outlet", "author", "url", "language", "kind", "sha256"}


def dossier(archive: Archive, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--archive", archive.location, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_actors_and_stats_of_the_sample(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dossier(sample_archive, "sources", "--json", capsys=capsys)
    assert code == 0
    [source] = json.loads(out)
    assert set(source) == SOURCE_KEYS
    assert source["title"] == "ISIS Comes to Russia"

    _, out, _ = dossier(sample_archive, "actors", "--json", capsys=capsys)
    actors = {a["name"]: a for a in json.loads(out)}
    assert set(actors["Rustam Asilderov"]) == {"id", "uuid", "name", "kind", "aliases"}

    _, out, _ = dossier(sample_archive, "stats", "--json", capsys=capsys)
    assert sorted(s["value"] for s in json.loads(out)) == [249, 2200, 5816]

    _, out, _ = dossier(sample_archive, "stats", capsys=capsys)
    lines = out.splitlines()
    assert lines[0].split() == ["id", "value", "measure", "subject", "period", "place", "claimant", "source"]
    assert any("5,816" in line for line in lines[2:])

    _, out, _ = dossier(sample_archive, "actors", capsys=capsys)
    assert out.splitlines()[0].split() == ["id", "name", "kind", "aliases", "mentions"]


def test_stats_as_csv_has_the_columns_in_order(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dossier(sample_archive, "stats", "--csv", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == ("id,value,low,high,approximate,measure,unit,subject,period_start,period_end,"
                        "place,claimant,source_id,quote,uuid,start,end")
    assert len(lines) == 4


def test_show_for_people_and_scripts(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dossier(sample_archive, "show", "1", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "ISIS Comes to Russia"
    assert lines[1].startswith("2015-07-11 · The Daily Beast")
    assert "Statistics:" in lines
    _, out, _ = dossier(sample_archive, "show", "1", "--json", capsys=capsys)
    shown = json.loads(out)
    assert set(shown) == SOURCE_KEYS | {"text", "annotations", "mentions", "statistics"}


def test_search_and_suggest(sample_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = dossier(sample_archive, "search", "Caucasus Knot", "--json", capsys=capsys)
    [hit] = json.loads(out)
    assert set(hit) == {"source_id", "title", "score", "snippet"}
    assert "[" in hit["snippet"]
    _, out, _ = dossier(sample_archive, "search", "Caucasus Knot", capsys=capsys)
    assert out.splitlines()[0].split() == ["id", "score", "title", "snippet"]

    _, out, _ = dossier(sample_archive, "suggest", "1", "--json", capsys=capsys)
    suggested = json.loads(out)
    assert set(suggested) == {"mentions", "statistics"}
    assert all("id" not in s and "uuid" not in s for s in suggested["statistics"])
    _, out, _ = dossier(sample_archive, "suggest", "1", capsys=capsys)
    assert out.startswith("Mentions:\n")
    assert "\nStatistics:\n" in out


@pytest.mark.parametrize("command", ["show", "suggest"])
def test_a_missing_source_is_an_input_failure(archive: Archive, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = dossier(archive, command, "999", capsys=capsys)
    assert (code, out, err) == (1, "", "999: no such source\n")


def test_import_tallies_what_happened(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = dossier(archive, "import", str(SEED), capsys=capsys)
    assert code == 0
    assert err == ""  # progress only on a terminal
    assert out.splitlines() == [f"{SEED}: imported as source 1 “ISIS Comes to Russia”",
                                "1 imported, 0 duplicate, 0 skipped, 0 failed"]
    missing = tmp_path / "missing.txt"
    code, out, err = dossier(archive, "import", str(SEED), str(missing), "--json", capsys=capsys)
    assert code == 1
    assert [r["status"] for r in json.loads(out)] == ["duplicate", "failed"]
    assert err.startswith(f"{missing}: ")
    assert len(err.splitlines()) == 1


def test_import_maps_the_columns_of_a_table(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "clippings.csv"
    table.write_text("headline,body\nA raid,Police said 40 militants were killed.\n", encoding="utf-8")
    code, out, _ = dossier(archive, "import", str(table), "--map", "title=headline", "--map", "text=body",
                           "--json", capsys=capsys)
    assert code == 0, out
    [row] = json.loads(out)
    assert row["status"] == "imported"
    _, out, _ = dossier(archive, "sources", "--json", capsys=capsys)
    assert [s["title"] for s in json.loads(out)] == ["A raid"]


@pytest.mark.parametrize(
    ("mapping", "message"),
    [("title", "dossier: --map takes FIELD=COLUMN, not 'title'\n"), ("colour=c", "dossier: --map: ")],
)
def test_a_bad_map_is_a_usage_error(
    archive: Archive, mapping: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = dossier(archive, "import", str(SEED), "--map", mapping, capsys=capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    with archive.session() as session:
        from db.queries import list_sources

        assert list_sources(session) == []


def test_an_archive_that_cannot_be_opened_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not an archive", encoding="utf-8")
    assert main(["--archive", str(path), "sources"]) == 2
    assert capsys.readouterr().err == f"{path}: not a Dossier archive (not a SQLite database)\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"dossier {__version__}\n"


@pytest.mark.parametrize("argv", [[], ["--smoke"], ["screenshot", "out.png"]])
def test_the_window_commands_are_not_run_headless(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("dossier: ")


def test_a_closed_pipe_ends_quietly(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    def closed(_archive: Archive, _args: argparse.Namespace) -> int:
        raise BrokenPipeError

    monkeypatch.setitem(COMMANDS, "sources", closed)
    assert run(build_parser().parse_args(["--archive", archive.location, "sources"])) == 0


def test_every_headless_command_of_the_parser_has_a_function() -> None:
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(subparsers.choices) - set(COMMANDS) - set(NO_ARCHIVE_COMMANDS) == {"screenshot"}


def test_sources_for_people(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    make_source(archive, title="A report")
    code, out, _ = dossier(archive, "sources", capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "published", "title", "outlet", "kind"]
    assert lines[2].split()[:3] == ["1", "A", "report"]


def test_export_statistics_and_actors_of_chosen_sources(
    sample_archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.interchange.reference import read_table

    other = make_source(sample_archive, "A note without claims.", title="Note")
    code, out, _ = dossier(sample_archive, "export", "statistics", str(tmp_path / "claims.csv"), "--json",
                           capsys=capsys)
    assert code == 0
    assert json.loads(out) == {"format": "statistics", "path": str(tmp_path / "claims.csv"), "count": 3}
    assert sorted(read_table(tmp_path / "claims.csv")["value"].astype(float)) == [249.0, 2200.0, 5816.0]
    code, out, _ = dossier(sample_archive, "export", "statistics", str(tmp_path / "none.xlsx"),
                           "--source", str(other), capsys=capsys)
    assert (code, out.strip()) == (0, f"{tmp_path / 'none.xlsx'}: 0 statistics")
    code, out, _ = dossier(sample_archive, "export", "actors", str(tmp_path / "actors.xlsx"), capsys=capsys)
    assert code == 0
    assert len(read_table(tmp_path / "actors.xlsx")) == 18


def test_export_refuses_a_suffix_it_does_not_write(
    sample_archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = dossier(sample_archive, "export", "statistics", str(tmp_path / "claims.pdf"), capsys=capsys)
    assert code == 1
    assert err.strip() == f"{tmp_path / 'claims.pdf'}: statistics is written as .csv or .xlsx"
    assert not (tmp_path / "claims.pdf").exists()
