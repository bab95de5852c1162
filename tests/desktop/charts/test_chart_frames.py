"""The pure helpers the chart pane works out from a frame before drawing (no Qt)."""

from __future__ import annotations

import pandas as pd

from desktop.charts import frames


def frame_of(*rows: tuple[str, str, str, bool]) -> pd.DataFrame:
    """(start, end, group, is_reference) rows of a chart frame, the columns the helpers read."""
    return pd.DataFrame(
        {
            "x_start": pd.to_datetime([r[0] for r in rows]).astype("datetime64[s]"),
            "x_end": pd.to_datetime([r[1] for r in rows]).astype("datetime64[s]"),
            "group": [r[2] for r in rows],
            "is_reference": [r[3] for r in rows],
        }
    )


def test_years_bars_can_compare_and_the_busiest_one() -> None:
    frame = frame_of(
        ("2014-01-01", "2014-12-31", "Police", False),
        ("2015-01-01", "2015-12-31", "Rebels", False),
        ("2015-03-01", "2015-03-31", "Police", False),
        ("2010-01-01", "2015-07-11", "Memorial", False),  # a span of years: no single year
        ("2014-01-01", "2014-12-31", "Table", True),
        ("2014-01-01", "2014-12-31", "Table", True),
    )
    assert frames.single_years(frame) == ["2014", "2015"]
    assert frames.busiest_year(frame) == "2015"  # reference values do not count
    assert frames.busiest_year(frame.iloc[[0, 1]]) == "2015"  # a tie: the latest
    assert list(frames.in_period(frame, "2015")["group"]) == ["Rebels", "Police"]
    assert frames.in_period(frame, "") is frame


def test_small_groups_fold_into_others_claims_first() -> None:
    frame = frame_of(
        ("2014-01-01", "2014-12-31", "Police", False),
        ("2014-01-01", "2014-12-31", "Police", False),
        ("2014-01-01", "2014-12-31", "Rebels", False),
        ("2014-01-01", "2014-12-31", "Table", True),
        ("2015-01-01", "2015-12-31", "Table", True),
        ("2016-01-01", "2016-12-31", "Table", True),
    )
    folded = frames.fold_small_groups(frame, keep=2, noun="claimant")
    assert list(folded["group"]) == ["Police", "Police"] + ["(2 other claimants)"] * 4
    assert frames.fold_small_groups(frame, keep=3, noun="claimant") is frame


def test_titles_say_what_is_shown() -> None:
    assert frames.plot_title(["killed"], [], "Claimant", bars=False, period="") == "Killed over time, by claimant"
    assert frames.plot_title(["killed", "wounded"], ["militants"], "Place", bars=True, period="2014") == (
        "Killed, wounded – militants by place, 2014"
    )
    assert frames.plot_title([], [], "Place", bars=True, period="") == ""
    assert frames.title(pd.DataFrame(), "Claimant") == "No statistics chosen"
