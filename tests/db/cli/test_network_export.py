"""``dossier export network OUT.gexf|OUT.graphml``: the actor network for Gephi and other tools."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from db.archive import Archive
from db.cli import main


def test_export_network_as_gexf_and_graphml(sample_archive: Archive, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "actors.gexf"
    code = main(["--archive", sample_archive.location, "export", "network", str(out), "--json"])
    printed, _ = capsys.readouterr()
    assert code == 0
    assert json.loads(printed) == {"format": "network", "path": str(out), "count": 36}
    assert nx.read_gexf(out).number_of_edges() == 36
    code = main(["--archive", sample_archive.location, "export", "network", str(tmp_path / "actors.graphml")])
    printed, _ = capsys.readouterr()
    assert (code, printed.strip()) == (0, f"{tmp_path / 'actors.graphml'}: 36 ties")


def test_export_network_refuses_another_suffix(sample_archive: Archive, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--archive", sample_archive.location, "export", "network", str(tmp_path / "actors.csv")])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.strip() == f"{tmp_path / 'actors.csv'}: network is written as .gexf or .graphml"


def test_without_networkx_the_network_export_is_refused_naming_its_part(
        sample_archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """networkx is the standalone download's optional part ``graphs`` (db.optional_parts)."""
    import sys

    from db import optional_parts

    monkeypatch.setitem(sys.modules, "networkx", None)  # as Python marks a module that is not there
    monkeypatch.setattr(optional_parts, "_reported", set())
    out = tmp_path / "actors.gexf"
    code = main(["--archive", sample_archive.location, "export", "network", str(out)])
    _, err = capsys.readouterr()
    assert code == 1
    assert not out.exists()
    assert err.startswith(f"{out}: network exports for Gephi and other graph tools (networkx): not installed")
    assert optional_parts.archive_name("graphs") in err
