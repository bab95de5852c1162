"""Finding actors by a spelling, drafting a statistic from a selection, memos."""

from __future__ import annotations

from db.archive import Archive
from db.codebook import add_code
from db.commands import add_actor, set_memo
from db.dates import PartialDate
from db.lookup import (
    draft_statistic,
    guess_actor_kind,
    match_actors,
    memo_text,
    search_memos,
    target_uuid,
)
from tests.factories import make_source

TEXT = (
    "The war began in 2014. According to the UN monitoring mission, some 5,816 people had been "
    "killed in eastern Ukraine since April. Separatists said between 10 and 20 fighters died in 2015."
)


def span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def test_actor_spellings_match_names_and_aliases(archive: Archive) -> None:
    with archive.session() as s:
        knot = add_actor(s, "Caucasus Knot", "media_outlet", aliases=["Kavkaz Uzel", "Кавказский узел"])
        un = add_actor(s, "UN Human Rights Monitoring Mission in Ukraine", "organisation")
        add_actor(s, "Ramzan Kadyrov", "person")
        assert match_actors(s, "Kavkaz-Uzel")[0].actor_id == knot
        assert match_actors(s, "Kavkaz-Uzel")[0].matched == "Kavkaz Uzel"
        assert match_actors(s, "кавказский узел")[0].actor_id == knot
        assert match_actors(s, "monitoring mission")[0].actor_id == un
        assert match_actors(s, "Kadyrov")[0].name == "Ramzan Kadyrov"
        assert match_actors(s, "zzzz qqq") == []
        assert [m.name for m in match_actors(s, "")] == [
            "Caucasus Knot", "Ramzan Kadyrov", "UN Human Rights Monitoring Mission in Ukraine",
        ]


def test_a_statistic_draft_reads_number_claimant_and_period() -> None:
    start, end = span("some 5,816")
    draft = draft_statistic(TEXT, start, end, PartialDate(2014, 11, 20))
    assert (draft.value, draft.approximate) == (5816.0, True)
    assert draft.claimant == "UN monitoring mission"
    assert draft.sentence.startswith("According to")
    assert draft.measure == "killed"

    start, end = span("between 10 and 20")
    draft = draft_statistic(TEXT, start, end, PartialDate(2015, 6, 1))
    assert (draft.low, draft.high) == (10.0, 20.0)
    assert draft.claimant == "Separatists"
    assert draft.period_start == PartialDate(2015)


def test_a_selection_without_the_modifier_is_still_approximate() -> None:
    start, end = span("5,816 people")
    assert draft_statistic(TEXT, start, end).approximate


def test_a_selection_without_a_number_says_so() -> None:
    start, end = span("The war began")
    draft = draft_statistic(TEXT, start, end)
    assert draft.value is None
    assert draft.low is None
    assert draft.problem


def test_memos_are_written_read_and_found(archive: Archive) -> None:
    source_id = make_source(archive, TEXT, title="Monitoring report")
    with archive.session() as s:
        code = add_code(s, "casualties")
        source_uuid = target_uuid(s, "source", source_id)
        code_uuid = target_uuid(s, "code", code)
        assert source_uuid
        assert code_uuid
        set_memo(s, "source", source_uuid, "Compare with the OHCHR figures for October.")
        set_memo(s, "code", code_uuid, "Deaths only, not injuries")
    with archive.session() as s:
        assert memo_text(s, "source", source_uuid) == "Compare with the OHCHR figures for October."
        found = search_memos(s, "ohchr october")
        assert [(m.target_kind, m.target_label, m.target_id) for m in found] == [
            ("source", "Monitoring report", source_id)
        ]
        assert {m.target_label for m in search_memos(s)} == {"Monitoring report", "casualties"}
        assert search_memos(s, "nothing like this") == []


def test_the_kind_of_a_new_actor_is_guessed_from_its_sentence() -> None:
    text = "On Monday the Interior Ministry said Ramzan Kadyrov had met fighters in Raqqa."

    def kind(quote: str) -> str | None:
        start = text.index(quote)
        return guess_actor_kind(text, start, start + len(quote))

    assert kind("Interior Ministry") == "state_body"
    assert kind("Ramzan Kadyrov") == "person"
    assert kind("On Monday") is None
