"""The chart's door to the archive (desktop.reads.charts), without a window."""

from __future__ import annotations

from db.archive import Archive
from db.chartdata import COLUMNS
from desktop.reads import charts


def test_choices_count_measures_and_subjects_and_list_saved_charts(sample_archive: Archive) -> None:
    choices = charts.choices(sample_archive)
    counts = {(measure, subject): n for measure, subject, n in choices.counts}
    assert sum(n for (measure, _subject), n in counts.items() if measure == "killed") == 2
    assert sum(n for (measure, _subject), n in counts.items() if measure == "gone to fight") == 1
    assert choices.saved == []


def test_a_frame_holds_the_statistics_chosen(sample_archive: Archive) -> None:
    frame = charts.frame(sample_archive, charts.FrameOptions(measures=("killed",)))
    assert list(frame.columns) == list(COLUMNS)
    assert sorted(frame["value"]) == [249.0, 5816.0]
    by_place = charts.frame(sample_archive, charts.FrameOptions(measures=("killed",), group_by="place"))
    assert set(by_place["group"]) == set(by_place["place"].fillna("(no place)"))


def test_saving_and_deleting_hand_back_the_saved_charts(sample_archive: Archive) -> None:
    settings = {"measures": ["killed"], "group_by": "place"}
    [saved] = charts.save(sample_archive, "  Killed by place ", settings)
    assert (saved.name, saved.settings) == ("Killed by place", settings)
    again = charts.save(sample_archive, "Killed by place", {**settings, "group_by": "claimant"})
    assert [chart.settings["group_by"] for chart in again] == ["claimant"]
    assert [chart.name for chart in charts.choices(sample_archive).saved] == ["Killed by place"]
    assert charts.delete(sample_archive, "Killed by place") == []
    assert charts.delete(sample_archive, "No such chart") == []
