"""Charts of statistics as claims (pyqtgraph). Import ``desktop.charts.pane`` where the pane is built:
it loads pyqtgraph and pandas, which the window should not pay for before a chart is shown."""

from __future__ import annotations

from typing import Any

__all__ = ["ChartPane"]


def __getattr__(name: str) -> Any:
    # Lazy so that importing the package (e.g. for type names) does not load pyqtgraph.
    if name == "ChartPane":
        from desktop.charts.pane import ChartPane

        return ChartPane
    raise AttributeError(name)
