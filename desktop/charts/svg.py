"""SVG export of a pyqtgraph item that survives closed paths.

pyqtgraph 0.14.0's SVGExporter re-parses every ``<path d="...">`` Qt writes as "x,y" pairs and
fails on the close-path command "Z" that Qt 6.11's QSvgGenerator now emits for rectangles
(pyqtgraph issue #3495). Dropping the "Z" before that step draws the same picture: Qt's closed
paths already end where they began.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyqtgraph.exporters import SVGExporter

_CLOSE = re.compile(r"\s*[Zz]\s*")
_lock = threading.Lock()


def _open_paths(correct: Callable[..., Any]) -> Callable[..., Any]:
    def without_close(node: Any, defs: Any, item: Any, options: Any) -> Any:
        for path in node.getElementsByTagName("path"):
            d = path.getAttribute("d")
            if "Z" in d or "z" in d:
                path.setAttribute("d", _CLOSE.sub(" ", d).strip())
        return correct(node, defs, item, options)

    return without_close


@contextmanager
def _tolerant_exporter() -> Iterator[None]:
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    with _lock:
        original = getattr(module, "correctCoordinates")  # noqa: B009 (untyped module)
        setattr(module, "correctCoordinates", _open_paths(original))  # noqa: B010
        try:
            yield
        finally:
            setattr(module, "correctCoordinates", original)  # noqa: B010


def export_svg(item: Any, path: str | Path) -> Path:
    """Write ``item`` (a PlotItem) to ``path`` as SVG."""
    with _tolerant_exporter():
        SVGExporter(item).export(str(path))
    return Path(path)
