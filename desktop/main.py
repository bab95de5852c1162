"""The ``dossier`` program (also ``python -m desktop`` and the frozen executable).

Headless commands go to :mod:`db.cli` and never import Qt; no command, ``--smoke`` and
``screenshot`` open the window through :mod:`desktop.app`.
"""

from __future__ import annotations

from collections.abc import Sequence

from db import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if not cli.opens_window(args):
        return cli.run(args)
    # Qt is imported only here, for the window
    from desktop.app import run_gui

    return run_gui(args)
