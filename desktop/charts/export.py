"""Writing a chart out: the picture as PNG or SVG, the statistics on it as CSV, and the Export
menu's file dialog.

The SVG survives closed paths: pyqtgraph 0.14.0's SVGExporter re-parses every ``<path d="...">``
Qt writes as "x,y" pairs and fails on the close-path command "Z" that Qt 6.11's QSvgGenerator now
emits for rectangles (pyqtgraph issue #3495). Dropping the "Z" before that step draws the same
picture: Qt's closed paths already end where they began.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyqtgraph.exporters import ImageExporter, SVGExporter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    import pandas as pd

#: what the Export menu offers, by file suffix
KINDS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)", "csv": "CSV table (*.csv)",
         "gexf": "GEXF graph for Gephi (*.gexf)", "graphml": "GraphML graph (*.graphml)"}
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


def export_png(item: Any, path: str | Path, width: int = 1600) -> Path:
    """Write ``item`` (a PlotItem) to ``path`` as a PNG image ``width`` pixels wide."""
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = width
    exporter.parameters()["antialias"] = True
    path = Path(path)
    # The exporter ignores QImage.save() failing: check the file is there.
    stamp = path.stat().st_mtime_ns if path.exists() else None
    exporter.export(str(path))
    if not path.exists() or path.stat().st_mtime_ns == stamp:
        raise OSError(f"cannot write {path}")
    return path


def export_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write the statistics of ``frame`` (one row each, with their provenance) as CSV."""
    columns = [c for c in frame.columns if c not in {"x", "y", "x0", "x1"}]
    out = frame.loc[:, columns].copy()
    for column in ("x_start", "x_end"):
        if column in out:
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    out.to_csv(path, index=False)
    return Path(path)


def ask_and_export(parent: QWidget, kind: str, write: Callable[[str], Path], *,
                   title: str = "Export chart") -> None:
    """Ask where to write a ``kind`` (one of :data:`KINDS`) file, write it, say so if it fails."""
    stem = title.removeprefix("Export ").replace(" ", "-")
    path, _ = QFileDialog.getSaveFileName(parent, title, f"{stem}.{kind}", KINDS[kind])
    if not path:
        return
    if not path.lower().endswith(f".{kind}"):
        path += f".{kind}"  # the PNG writer picks its format by the suffix
    try:
        write(path)
    except (OSError, ValueError, RuntimeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        QMessageBox.warning(parent, title, f"{path}: {reason}")
