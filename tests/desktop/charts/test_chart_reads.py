"""The chart's door to the archive (desktop.reads.charts), without a window; and that the chart
pane goes through it: no session, thread pool or runnable of its own in desktop/charts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from db.archive import Archive
from db.chartdata import DRAWN_COLUMNS
from desktop.reads import charts

REPO = Path(__file__).resolve().parents[3]


def test_choices_count_measures_and_subjects_and_list_saved_charts(sample_archive: Archive) -> None:
    choices = charts.choices(sample_archive)
    counts = {(measure, subject): n for measure, subject, n in choices.counts}
    assert sum(n for (measure, _subject), n in counts.items() if measure == "killed") == 2
    assert sum(n for (measure, _subject), n in counts.items() if measure == "gone to fight") == 1
    assert choices.saved == []


def test_a_frame_holds_the_statistics_chosen(sample_archive: Archive) -> None:
    frame = charts.frame(sample_archive, charts.FrameOptions(measures=("killed",)))
    # what is drawn only: titles and quotes are read by id when a point is hovered
    assert list(frame.columns) == list(DRAWN_COLUMNS)
    assert sorted(frame["value"]) == [249.0, 5816.0]
    details = charts.details(sample_archive, frame["id"].tolist())
    assert sorted(d.quote[:20] for d in details.values()) == ["an estimated 249 mil", "some 5,816 civilians"]
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


def test_the_chart_pane_opens_no_session_and_runs_no_thread_of_its_own() -> None:
    """Everything it reads or writes goes through desktop.reads.charts on the window's runner."""
    offending = re.compile(r"\.session\(|\bQThreadPool\b|\bQRunnable\b|\bQThread\b|\bthreading\.Thread\b|\bsqlalchemy\b")
    files = sorted((REPO / "desktop" / "charts").rglob("*.py"))
    assert files
    for path in files:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            assert not offending.search(line), f"{path.relative_to(REPO)}:{number}: {line.strip()}"


def test_the_chart_modules_load_pandas_and_pyqtgraph_only_when_the_pane_is_built() -> None:
    code = (
        "import sys, desktop.charts, desktop.reads.charts, desktop.window.main_window; "
        "print(sorted(m for m in ('pandas', 'pyqtgraph', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "[]"
