"""The parser of the whole ``dossier`` program, and which commands open the window."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from db.cli import build_parser, opens_window


def parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ((), True),
        (("--smoke",), True),
        (("--archive", "a.sqlite", "--smoke"), True),
        (("screenshot", "out.png"), True),
        (("sources",), False),
        (("--smoke", "sources"), False),
        (("--version",), False),
        (("--version", "screenshot", "out.png"), False),
        (("import", "a.txt", "b.txt"), False),
        (("stats", "--csv"), False),
        (("suggest", "3"), False),
    ],
)
def test_no_command_smoke_and_screenshot_open_the_window(argv: tuple[str, ...], window: bool) -> None:
    assert opens_window(parse(*argv)) is window


def test_the_arguments_each_command_takes() -> None:
    args = parse("--archive", "postgresql://host/db", "import", "a.txt", "folder", "--json",
                 "--password", "pw", "--keep-duplicates", "--map", "title=headline", "--map", "text=body")
    assert (args.archive, args.command, args.paths) == ("postgresql://host/db", "import", [Path("a.txt"), Path("folder")])
    assert (args.json, args.password, args.keep_duplicates) == (True, "pw", True)
    assert args.map == ["title=headline", "text=body"]

    assert parse("show", "12").source_id == 12
    search = parse("search", "Caucasus Knot", "--limit", "5", "--json")
    assert (search.query, search.limit, search.json) == ("Caucasus Knot", 5, True)
    assert parse("search", "x").limit == 20
    stats = parse("stats", "--csv")
    assert (stats.csv, stats.json) == (True, False)
    shot = parse("screenshot", "out.png", "--source", "3", "--width", "800")
    assert (shot.out, shot.source_id, shot.width, shot.height) == (Path("out.png"), 3, 800, 900)
    assert parse().archive is None


@pytest.mark.parametrize(
    "argv",
    [("show", "not-a-number"), ("frobnicate",), ("stats", "--json", "--csv"), ("import",), ("--nope",)],
)
def test_usage_errors_exit_2_with_the_program_named(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse(*argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: dossier")
    assert "\ndossier: " in err
