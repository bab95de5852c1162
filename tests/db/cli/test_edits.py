"""The headless edits: annotate, actor add|rename, stat add — the row printed as show would."""

from __future__ import annotations

import json

import pytest

from db.archive import Archive
from db.cli import main
from tests.factories import make_source

TEXT = "Some 40 people were killed in Grozny, officials said."


def dossier(archive: Archive, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--archive", archive.location, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_annotate_with_codes_by_path_and_a_note(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    source_id = make_source(archive, TEXT)
    start = TEXT.index("Grozny")
    code, out, _ = dossier(archive, "annotate", str(source_id), str(start), str(start + 6),
                           "--code", "Places/Chechnya", "--code", "Violence", "--note", "where", "--json", capsys=capsys)
    assert code == 0
    made = json.loads(out)
    assert set(made) == {"id", "start", "end", "quote", "codes", "note"}
    assert (made["quote"], sorted(made["codes"]), made["note"]) == ("Grozny", ["Chechnya", "Violence"], "where")
    _, out, _ = dossier(archive, "show", str(source_id), "--json", capsys=capsys)
    assert json.loads(out)["annotations"] == [made]
    # the same path again is the same code, nested under Places
    dossier(archive, "annotate", str(source_id), "0", "4", "--code", "Places/Chechnya", capsys=capsys)
    from db.queries import list_codes

    with archive.session() as s:
        assert sorted(c.name for c in list_codes(s)) == ["Chechnya", "Places", "Violence"]


def test_annotate_outside_the_text_is_refused(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    source_id = make_source(archive, TEXT)
    code, out, err = dossier(archive, "annotate", str(source_id), "10", "999", capsys=capsys)
    assert code == 1
    assert out == ""
    assert err.strip() == f"{source_id}: span 10-999 is outside the text (length {len(TEXT)})"


def test_actor_add_and_rename_keep_the_old_name_as_an_alias(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dossier(archive, "actor", "add", "Rustam Asilderov", "--kind", "person",
                           "--alias", "Abu Muhammad", "--json", capsys=capsys)
    actor = json.loads(out)
    assert code == 0
    assert actor["aliases"] == ["Abu Muhammad"]
    assert actor["kind"] == "person"
    code, out, _ = dossier(archive, "actor", "rename", str(actor["id"]), "Abu Muhammad al-Kadari", "--json", capsys=capsys)
    renamed = json.loads(out)
    assert (renamed["uuid"], renamed["name"]) == (actor["uuid"], "Abu Muhammad al-Kadari")
    assert sorted(renamed["aliases"]) == ["Abu Muhammad", "Rustam Asilderov"]
    code, _, err = dossier(archive, "actor", "add", "X", "--kind", "wizard", capsys=capsys)
    assert code == 2
    assert err.startswith("wizard: not a kind of actor")
    code, _, err = dossier(archive, "actor", "rename", "999", "Y", capsys=capsys)
    assert code == 1
    assert err.strip() == "999: no actor 999"


def test_stat_add_reads_the_number_as_the_window_does(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    source_id = make_source(archive, TEXT)
    code, out, _ = dossier(archive, "stat", "add", str(source_id), "5", "7", "--value", "~40 (35–45)",
                           "--measure", "killed", "--place", "Grozny", "--claimant", "officials",
                           "--period", "2015-06/2015-07", "--json", capsys=capsys)
    assert code == 0
    made = json.loads(out)
    assert (made["value"], made["low"], made["high"], made["approximate"]) == (40, 35, 45, True)
    assert (made["quote"], made["place"], made["claimant"]) == ("40", "Grozny", "officials")
    assert (made["period_start"], made["period_end"]) == ("2015-06", "2015-07")
    _, out, _ = dossier(archive, "stats", "--json", capsys=capsys)
    assert json.loads(out) == [made]
    code, _, err = dossier(archive, "stat", "add", str(source_id), "5", "7", "--value", "many", capsys=capsys)
    assert code == 2
    assert "is not a number" in err


def test_edits_carry_the_name_set_once(archive: Archive, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_AUTHOR", "Zarina")
    from db import archive as archive_module
    from db.models import Actor

    opened = archive_module.open(archive.location)
    try:
        assert opened.author == "Zarina"
        dossier(opened, "actor", "add", "Grozny", "--kind", "place", capsys=capsys)
        with opened.session() as s:
            from sqlalchemy import select

            assert s.execute(select(Actor.created_by, Actor.modified_by)).one() == ("Zarina", "Zarina")
    finally:
        opened.close()
