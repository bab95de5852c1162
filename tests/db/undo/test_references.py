"""Importing reference data and taking it back: apply, revert, apply again (restored, the file
is not read again), revert."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.archive import Archive
from db.commands import find_actor
from db.models import Statistic
from db.undo import ReferenceImported, import_reference
from tests.db.undo.conftest import round_trip

TABLE = "Region,Year,Killed\nGrozny,2014,208\nIngushetia,2014,71\nIngushetia,2015,12\n"


def test_import_and_take_back_with_the_places_and_claimant_it_made(
    archive: Archive, seeded: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "memorial.csv"
    path.write_text(TABLE, encoding="utf-8")

    def write(s: Session) -> ReferenceImported:
        change = import_reference(s, path, "Memorial")
        path.unlink()  # applying it again does not read the file
        return change

    change, _ = round_trip(archive, write)
    assert isinstance(change, ReferenceImported)
    assert change.summary.statistics == 3
    assert change.summary.claimant_created
    with archive.session() as s:
        assert find_actor(s, "Ingushetia") is None
        assert find_actor(s, "Memorial") is None
        # Grozny was an actor before: it stays
        assert find_actor(s, "Grozny") == seeded["grozny"]


def test_an_import_that_replaced_a_dataset_gives_it_back(
    archive: Archive, seeded: dict[str, int], tmp_path: Path
) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(TABLE, encoding="utf-8")
    second.write_text("Region,Year,Killed\nGrozny,2016,5\n", encoding="utf-8")
    with archive.session() as s:
        import_reference(s, first, "Memorial")
    change, _ = round_trip(archive, lambda s: import_reference(s, second, "Memorial", replace_existing=True))
    assert isinstance(change, ReferenceImported)
    assert change.summary.replaced == 3
    with archive.session() as s:
        assert s.scalar(select(func.count()).where(Statistic.dataset == "Memorial")) == 3
