"""The actor network's data: relations and co-mentions as weighted ties with their evidence;
filters by period, kind and weight; GEXF and GraphML that other tools read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import text

from db.archive import Archive
from db.commands import add_actor, add_mention, add_relation
from db.dates import PartialDate
from db.interchange.graphs import write_graph
from db.network import Edge, NetworkFilter, evidence, network
from tests.factories import make_source

TEXT = "Ahmed met Boris in Grozny. Later Boris left.\n\nCarla wrote about Ahmed."


@pytest.fixture
def actors(archive: Archive) -> dict[str, int]:
    """Three actors named in two sources: Ahmed and Boris in one sentence twice over."""
    with archive.session() as session:
        ids = {name: add_actor(session, name, kind) for name, kind in
               (("Ahmed", "person"), ("Boris", "person"), ("Carla", "organisation"), ("Grozny", "place"))}
    first = make_source(archive, TEXT, title="First", published=PartialDate(2014, 3, 1))
    second = make_source(archive, "Boris and Ahmed again.", title="Second", published=PartialDate(2016))
    with archive.session() as session:
        for source, body in ((first, TEXT), (second, "Boris and Ahmed again.")):
            for name, actor in ids.items():
                start = body.find(name)
                while start >= 0:
                    add_mention(session, source, start, start + len(name), actor)
                    start = body.find(name, start + 1)
    return ids


def ties(found: object) -> dict[tuple[str, int, int], int]:
    return {(e.kind, e.a, e.b): e.weight for e in found.edges}  # type: ignore[attr-defined]


def test_co_mentions_in_a_sentence_are_weighted_by_sentences(archive: Archive, actors: dict[str, int]) -> None:
    a, b, c, g = actors["Ahmed"], actors["Boris"], actors["Carla"], actors["Grozny"]
    with archive.session() as session:
        in_sentences = network(session)
        in_sources = network(session, NetworkFilter(co_mentions="source"))
    # "Ahmed met Boris in Grozny." and "Boris and Ahmed again.": two sentences
    assert ties(in_sentences) == {("sentence", a, b): 2, ("sentence", a, g): 1, ("sentence", b, g): 1,
                                  ("sentence", a, c): 1}
    assert ties(in_sources)[("source", a, b)] == 2
    assert ties(in_sources)[("source", b, c)] == 1  # same source, never the same sentence
    assert {n.name: n.sources for n in in_sentences.nodes} == {"Ahmed": 2, "Boris": 2, "Carla": 1, "Grozny": 1}


def test_filters_by_period_kind_and_weight(archive: Archive, actors: dict[str, int]) -> None:
    a, b = actors["Ahmed"], actors["Boris"]
    with archive.session() as session:
        until_2015 = network(session, NetworkFilter(end=dt.date(2015, 12, 31)))
        people = network(session, NetworkFilter(kinds=frozenset({"person"})))
        strong = network(session, NetworkFilter(min_weight=2))
    assert ties(until_2015)[("sentence", a, b)] == 1
    assert [n.name for n in people.nodes] == ["Ahmed", "Boris"]
    assert ties(strong) == {("sentence", a, b): 2}
    assert strong.hidden == 3


def test_relations_are_typed_dated_and_overlap_the_period(archive: Archive, actors: dict[str, int]) -> None:
    a, c = actors["Ahmed"], actors["Carla"]
    with archive.session() as session:
        add_relation(session, a, "member of", c, start=PartialDate(2010), end=PartialDate(2012, 5))
    with archive.session() as session:
        every = network(session, NetworkFilter(co_mentions="none"))
        later = network(session, NetworkFilter(co_mentions="none", start=dt.date(2013, 1, 1)))
    (relation,) = every.edges
    assert (relation.kind, relation.label, relation.start, relation.end) == (
        "relation", "member of", PartialDate(2010), PartialDate(2012, 5))
    assert later.edges == []


def test_a_tie_opens_its_sentences_newest_first(archive: Archive, actors: dict[str, int]) -> None:
    with archive.session() as session:
        passages = evidence(session, Edge(actors["Ahmed"], actors["Boris"], "sentence", 2))
        sources = evidence(session, Edge(actors["Boris"], actors["Carla"], "source", 1))
    assert [(p.title, p.quote) for p in passages] == [
        ("Second", "Boris and Ahmed again."), ("First", "Ahmed met Boris in Grozny.")]
    first = passages[1]
    assert TEXT[first.start:first.end] == first.quote  # type: ignore[misc]
    assert [(p.title, p.start) for p in sources] == [("First", None)]


def test_a_relation_opens_its_evidence(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        annotation = session.execute(text('SELECT id, source_id, start, "end", quote FROM annotations LIMIT 1')).one()
        umarov, emirate = (session.execute(text("SELECT id FROM actors WHERE name = :n"), {"n": n}).scalar_one()
                           for n in ("Dokku Umarov", "Caucasus Emirate"))
        relation = add_relation(session, umarov, "founded", emirate, evidence_annotation_id=annotation.id)
    with sample_archive.session() as session:
        (passage,) = evidence(session, Edge(umarov, emirate, "relation", relation_id=relation))
    assert (passage.source_id, passage.start, passage.quote) == (annotation.source_id, annotation.start,
                                                                 annotation.quote)


@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
def test_gexf_and_graphml_read_back_with_kinds_weights_and_positions(
        sample_archive: Archive, tmp_path: Path, suffix: str) -> None:
    with sample_archive.session() as session:
        found = network(session)
    positions = {n.id: (0.5, -0.25) for n in found.nodes}
    path = write_graph(found, tmp_path / f"network{suffix}", positions)
    graph = nx.read_gexf(path) if suffix == ".gexf" else nx.read_graphml(path)
    assert graph.number_of_nodes() == len(found.nodes)
    assert graph.number_of_edges() == len(found.edges)
    isis = next(d for _n, d in graph.nodes(data=True) if d["label"] == "ISIS")
    assert isis["kind"] == "armed_group"
    kinds = {d["kind"] for _a, _b, d in graph.edges(data=True)}
    assert kinds == {"relation", "sentence"}
    if suffix == ".gexf":
        assert isis["viz"]["position"]["x"] == pytest.approx(500)
    else:
        assert isis["x"] == pytest.approx(500)


def test_a_suffix_it_cannot_write_is_refused(sample_archive: Archive, tmp_path: Path) -> None:
    with sample_archive.session() as session:
        found = network(session)
    with pytest.raises(ValueError, match=r"\.gexf or \.graphml"):
        write_graph(found, tmp_path / "network.dot")


def test_a_list_naming_hundreds_of_actors_ties_none_of_them(archive: Archive) -> None:
    from db.network import MOST_IN_A_SENTENCE

    names = [f"Village{i}" for i in range(MOST_IN_A_SENTENCE + 5)]
    body = ", ".join(names) + ".\n\nVillage1 and Village2 met."
    source = make_source(archive, body, title="A list")
    with archive.session() as session:
        for name in names:
            actor = add_actor(session, name, "place")
            start = body.find(name + ",") if body.find(name + ",") >= 0 else body.find(name + ".")
            add_mention(session, source, start, start + len(name), actor)
            if name in ("Village1", "Village2"):
                later = body.rindex(name)
                add_mention(session, source, later, later + len(name), actor)
    with archive.session() as session:
        found = network(session)
    # the list adds nothing; the one real sentence ties its two villages
    assert [(e.kind, e.weight) for e in found.edges] == [("sentence", 1)]
    assert found.crowded == 1
