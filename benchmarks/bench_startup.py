"""Start-up time to the window shown, frozen (dist/dossier) vs from source; the bundle's size.

    python benchmarks/bench_startup.py [--runs 5] [--bundle dist/dossier]

Each run starts ``dossier --archive COPY --smoke`` offscreen on a copy of the sample archive (an
existing archive, as on every start but the first) and times it from just before the process is
started to the moment Qt makes the main window's native window visible. The program is not
changed for this: Qt's own logging (category ``qt.widgets.showhide``) reports that moment, with
``%{time boot}`` timestamps on the same monotonic clock as ``time.monotonic()`` here (Linux).
"Qt up" is when the platform plugin loaded (the QApplication exists): before it, Python starts
and imports. "Usable" (issue 18) is when every list (sources, actors, statistics, counts) is
first filled, as the window's ``dossier.startup`` logging category says. "--smoke total" adds the ~1 s the window stays up and shutting down; "CPU s" is the
user+system CPU time of that whole run (steadier than wall time when the machine is busy: the
window's idle second costs almost none). One warm-up run per variant is not counted (it fills
the disk cache). Goal (issue 8): frozen <= 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import median, print_table

REPO = Path(__file__).resolve().parents[1]
SHOWN = re.compile(r"^\s*([\d.]+) .*name=\"mainWindowWindow\"\) to true via QWidgetWindow::setNativeWindowVisibility")
ANY_SHOWN = re.compile(r"^\s*([\d.]+) .* to true via QWidgetWindow::setNativeWindowVisibility")
QT_UP = re.compile(r"^\s*([\d.]+) Successfully loaded Qt platform plugin")
USABLE = re.compile(r"^\s*([\d.]+) usable: ")


def sample_archive(folder: Path) -> Path:
    """An archive with the first-run sample, made with the code from source."""
    from db import archive as archive_module
    from db.sample import load_sample

    path = folder / "sample.sqlite"
    opened = archive_module.open(path)
    load_sample(opened)
    opened.close()
    return path


def one_start(command: list[str], archive: Path, scratch: Path) -> dict[str, float]:
    """Start the window once; seconds to Qt up and to the window shown, total, peak memory."""
    copy = scratch / f"run-{time.monotonic_ns()}.sqlite"
    shutil.copyfile(archive, copy)
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.widgets.showhide=true;qt.qpa.plugin=true;dossier.startup.debug=true",
        "QT_MESSAGE_PATTERN": "%{time boot} %{message}",
        "DOSSIER_DATA_DIR": str(scratch / "data"),
        "HOME": str(scratch),  # QSettings of the run stay in the scratch folder
    })
    log = scratch / "stderr.log"
    with log.open("w") as stderr:
        start = time.monotonic()
        process = subprocess.Popen([*command, "--archive", str(copy), "--smoke"], stdout=subprocess.DEVNULL,
                                   stderr=stderr, env=env, cwd=scratch)
        _, status, usage = os.wait4(process.pid, 0)
        total = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    lines = log.read_text(errors="replace").splitlines()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} --smoke exited {process.returncode}:\n" + "\n".join(lines[-20:]))
    shown = _first(SHOWN, lines) or _first(ANY_SHOWN, lines)
    qt_up = _first(QT_UP, lines)
    usable = _first(USABLE, lines)
    if shown is None or qt_up is None:
        raise RuntimeError("Qt's log did not show the window (was qt.widgets.showhide logging disabled?)")
    copy.unlink()
    return {"qt_up": qt_up - start, "shown": shown - start, "usable": usable - start if usable is not None else float("nan"), "total": total,
            "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def _first(pattern: re.Pattern[str], lines: list[str]) -> float | None:
    for line in lines:
        match = pattern.match(line)
        if match:
            return float(match.group(1))
    return None


def bundle_size(folder: Path) -> tuple[int, list[tuple[str, int]]]:
    """Bytes in the folder (links not followed) and the largest entries of _internal/."""

    def size(path: Path) -> int:
        if path.is_symlink() or not path.is_dir():
            return path.lstat().st_size
        return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir() or p.is_symlink())

    internal = folder / "_internal"
    parts = [(p.name, size(p)) for p in internal.iterdir()] if internal.is_dir() else []
    parts.sort(key=lambda item: item[1], reverse=True)
    return size(folder), parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "dossier")
    args = parser.parse_args()

    variants = [("from source", [sys.executable, "-m", "desktop"])]
    executable = args.bundle / ("dossier.exe" if sys.platform == "win32" else "dossier")
    if executable.is_file():
        variants.insert(0, ("frozen", [str(executable)]))
    else:
        print(f"{executable} is missing: run `make package` to time the frozen app", file=sys.stderr)

    rows = []
    with tempfile.TemporaryDirectory(prefix="dossier-bench-startup-") as scratch_name:
        scratch = Path(scratch_name)
        archive = sample_archive(scratch)
        for name, command in variants:
            one_start(command, archive, scratch)  # warm-up: disk cache, Qt's font cache
            runs = [one_start(command, archive, scratch) for _ in range(args.runs)]
            shown = [r["shown"] for r in runs]
            rows.append([name, len(runs), median([r["qt_up"] for r in runs]), median(shown), min(shown),
                         max(shown), median([r["usable"] for r in runs]), median([r["total"] for r in runs]), median([r["cpu"] for r in runs]),
                         max(r["rss_mb"] for r in runs)])
    print(f"Start-up to the main window shown (offscreen, sample archive; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print_table(["variant", "runs", "Qt up s", "shown s (median)", "min", "max", "usable s", "--smoke total s", "CPU s", "peak RSS MB"],
                rows)

    if executable.is_file():
        total, parts = bundle_size(args.bundle)
        print(f"\nBundle {args.bundle}: {total / 1e6:,.1f} MB (goal <= 200 MB); largest parts of _internal/:")
        print_table(["part", "MB"], [[name, size / 1e6] for name, size in parts[:12]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
