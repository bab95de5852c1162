"""``dossier export FORMAT OUT``: the archive (or the sources chosen with ``--source``) written out.

Each format is one entry of :data:`EXPORTS`: a function taking the archive, the output path and the
chosen source ids (None: every source) and returning how many things it wrote. Formats live with
their subject (``db.interchange`` …); this module only names them and reports.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.cli.output import print_json, problem

if TYPE_CHECKING:
    from db.archive import Archive

EXIT_OK, EXIT_INPUT_FAILED = 0, 1


@dataclass(frozen=True)
class Export:
    """One format: what it writes (for ``--help`` and messages), the suffixes it takes, and how."""

    what: str
    suffixes: tuple[str, ...]
    write: Callable[[Archive, Path, Sequence[int] | None, argparse.Namespace], int]


def _statistics(archive: Archive, out: Path, sources: Sequence[int] | None, _args: argparse.Namespace) -> int:
    from db.interchange.exports import export_statistics
    from db.queries import list_statistics

    with archive.session() as session:
        ids = None
        if sources is not None:
            chosen = set(sources)
            ids = [r.id for r in list_statistics(session) if r.source_id in chosen]
        return export_statistics(session, out, ids)


def _actors(archive: Archive, out: Path, _sources: Sequence[int] | None, _args: argparse.Namespace) -> int:
    from db.interchange.exports import export_actors

    with archive.session() as session:
        return export_actors(session, out)


def _qdpx(archive: Archive, out: Path, sources: Sequence[int] | None, _args: argparse.Namespace) -> int:
    from db.interchange.refi.project import export_qdpx

    with archive.session() as session:
        return export_qdpx(session, out, sources)


def _qdc(archive: Archive, out: Path, _sources: Sequence[int] | None, _args: argparse.Namespace) -> int:
    from db.interchange.refi.project import export_qdc

    with archive.session() as session:
        return export_qdc(session, out)


def _w3c(archive: Archive, out: Path, sources: Sequence[int] | None, _args: argparse.Namespace) -> int:
    from db.interchange.web_annotation import export_annotations

    with archive.session() as session:
        return export_annotations(session, out, sources)


def _citations(kind: str) -> Callable[[Archive, Path, Sequence[int] | None, argparse.Namespace], int]:
    def write(archive: Archive, out: Path, sources: Sequence[int] | None, _args: argparse.Namespace) -> int:
        from db.interchange.citations.records import export_citations

        with archive.session() as session:
            return export_citations(session, out, kind, sources)

    return write
def _report(archive: Archive, out: Path, sources: Sequence[int] | None, args: argparse.Namespace) -> int:
    from db.cli.findings import report_options
    from db.findings.report.write import write_report

    with archive.session() as session:
        options = report_options(session, sources, args)
    return write_report(archive, out, options)


def _network(archive: Archive, out: Path, _sources: Sequence[int] | None, _args: argparse.Namespace) -> int:
    from db.interchange.graphs import export_network

    with archive.session() as session:
        return export_network(session, out)


#: every format ``dossier export`` writes, by the name given on the command line
EXPORTS: dict[str, Export] = {
    "statistics": Export("statistics", (".csv", ".xlsx"), _statistics),
    "actors": Export("actors", (".csv", ".xlsx"), _actors),
    "qdpx": Export("sources (REFI-QDA project)", (".qdpx",), _qdpx),
    "qdc": Export("codes (REFI-QDA codebook)", (".qdc",), _qdc),
    "w3c": Export("annotations (W3C Web Annotation)", (".jsonld", ".json"), _w3c),
    "csl": Export("sources (CSL-JSON)", (".json",), _citations("csl")),
    "ris": Export("sources (RIS)", (".ris",), _citations("ris")),
    "bibtex": Export("sources (BibTeX/BibLaTeX)", (".bib",), _citations("bibtex")),
    "report": Export("claims in the report", (".docx", ".pdf", ".html"), _report),
    "network": Export("ties", (".gexf", ".graphml"), _network),
}


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    """The ``export`` command's arguments."""
    p = commands.add_parser("export", help="write the archive (or chosen sources) in a standard format")
    p.add_argument("format", choices=sorted(EXPORTS), metavar="FORMAT",
                   help="one of: " + ", ".join(sorted(EXPORTS)))
    p.add_argument("out", type=Path, metavar="OUT")
    p.add_argument("--source", type=int, action="append", dest="sources", metavar="SOURCE_ID",
                   help="export only these sources (repeat for more)")
    p.add_argument("--json", action="store_true")
    # report: what the claims dossier covers, and who is redacted (db.cli.findings)
    from db.cli.findings import add_report_arguments

    add_report_arguments(p)


def cmd_export(opened: Archive, args: argparse.Namespace) -> int:
    """Write ``args.out`` in ``args.format``; ``PATH: problem`` and exit 1 when it cannot."""
    export = EXPORTS[args.format]
    out: Path = args.out
    if out.suffix.lower() not in export.suffixes:
        problem(f"{out}: {args.format} is written as {' or '.join(export.suffixes)}")
        return EXIT_INPUT_FAILED
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        count = export.write(opened, out, args.sources, args)
    except OSError as error:
        problem(f"{out}: cannot write ({error.strerror or error})")
        return EXIT_INPUT_FAILED
    except ValueError as error:
        problem(f"{out}: {error}")
        return EXIT_INPUT_FAILED
    if opened.encrypted:  # on stderr, so --json stays one JSON document
        problem(f"{out}: warning: the exported file is not encrypted (the archive is): "
                "anyone who gets this file can read it")
    if args.json:
        print_json({"format": args.format, "path": str(out), "count": count})
    else:
        print(f"{out}: {count:,} {export.what}")
    return EXIT_OK
