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
