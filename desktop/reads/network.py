"""Reads of the network pane: the actors and their ties, and the evidence of one tie."""

from __future__ import annotations

from db import network as network_data
from db.archive import Archive
from db.network import Edge, Evidence, Network, NetworkFilter
from desktop.tasks import Cancelled, Report


def network(archive: Archive, where: NetworkFilter, report: Report, cancelled: Cancelled) -> Network:
    with archive.session() as session:
        return network_data.network(session, where, report=report, cancelled=cancelled)


def evidence(archive: Archive, edge: Edge, where: NetworkFilter) -> list[Evidence]:
    with archive.session() as session:
        return network_data.evidence(session, edge, where)
