"""``dossier estimate``: the claims of each group reconciled by a rule (../shared/CONTRACT.md).

``--json`` prints ``[{"measure", "subject", "place", "period_start", "period_end", "low", "best",
"high", "rule", "claims": [statistic id], "excluded": [{"id", "why"}]}]`` and, beyond the
contract, ``unit``, ``preferred``, ``reason`` (why a group was not reconciled), ``warnings``,
``sources`` and ``independent``. ``--save`` keeps the estimates; ``--saved`` lists the kept ones
(with ``stale`` and the estimate they give now), ``--recompute`` updates the stale ones.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from db.cli.output import print_json, print_table, problem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from db.archive import Archive
    from db.findings.estimates import Finding
    from db.findings.report.build import ReportOptions

EXIT_OK, EXIT_USAGE = 0, 2
RULES = ("ucdp", "acled", "ibc", "median", "hierarchy")


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    p = commands.add_parser("estimate", help="reconcile the claims of each measure/subject/place/period by a rule")
    p.add_argument("--measure", help="only this measure (as written: 'killed')")
    p.add_argument("--subject", help="only this subject ('militants')")
    p.add_argument("--place", metavar="NAME", help="only this place (a name or an alias)")
    p.add_argument("--period", metavar="P", help="only periods within P (2014, 2014-06, 2014-06-30)")
    p.add_argument("--rule", default="ucdp", choices=RULES, metavar="RULE",
                   help="ucdp (low/best/high, the default), acled (most conservative), ibc (min/max), "
                        "median, hierarchy (with --prefer)")
    p.add_argument("--prefer", action="append", default=[], metavar="NAME",
                   help="for --rule hierarchy: a claimant, outlet or dataset, most trusted first (repeat)")
    p.add_argument("--source", type=int, action="append", dest="sources", metavar="SOURCE_ID",
                   help="only the claims of these sources (repeat)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--save", action="store_true", help="keep these estimates in the archive")
    group.add_argument("--saved", action="store_true", help="list the kept estimates, marking the stale ones")
    group.add_argument("--recompute", action="store_true", help="recompute the kept estimates whose claims changed")
    p.add_argument("--json", action="store_true")


def _figure(number: float | None) -> str:
    from db.values import format_number

    return format_number(number) if number is not None else ""


def _print(findings: list[Finding]) -> None:
    print_table(
        [[f.title(), _figure(f.low), _figure(f.best), _figure(f.high), f.rule.value,
          f"{len(f.claims)} used, {len(f.excluded)} left out", f.reason or "; ".join(f.warnings)]
         for f in findings],
        ["estimate", "low", "best", "high", "rule", "claims", "notes"],
    )


def cmd_estimate(opened: Archive, args: argparse.Namespace) -> int:
    from db.findings.estimates import Selection, estimate
    from db.findings.saved import recompute, save_estimate, saved_estimates

    if args.saved or args.recompute:
        with opened.session() as session:
            if args.recompute:
                changed = recompute(session)
                if not args.json:
                    print(f"{changed} estimate{'s' if changed != 1 else ''} recomputed")
            rows = saved_estimates(session)
        if args.json:
            print_json([{**r.saved.to_json(), "id": r.id, "stale": r.stale,
                         "now": r.current.to_json() if r.current is not None else None} for r in rows])
        elif not args.recompute:
            _print([r.saved for r in rows])
            for r in rows:
                if r.stale:
                    print(f"stale: {r.saved.title()} (its claims changed; dossier estimate --recompute)")
        return EXIT_OK
    selection = Selection(
        measure=args.measure, subject=args.subject, place=args.place, period=args.period,
        source_ids=tuple(args.sources) if args.sources else None,
    )
    try:
        with opened.session() as session:
            findings = estimate(session, selection, args.rule, args.prefer)
            if args.save:
                for finding in findings:
                    save_estimate(session, finding)
    except ValueError as error:
        problem(f"dossier estimate: {error}")
        return EXIT_USAGE
    if args.json:
        print_json([f.to_json() for f in findings])
    else:
        _print(findings)
        if args.save:
            print(f"{len(findings)} estimate{'s' if len(findings) != 1 else ''} saved")
    return EXIT_OK


def add_report_arguments(p: argparse.ArgumentParser) -> None:
    """``export report``'s own arguments (the other formats ignore them)."""
    p.add_argument("--redact", nargs="+", default=[], metavar="NAME",
                   help="report: replace these actors (names or aliases) by pseudonyms everywhere, quotes included")
    p.add_argument("--measure", help="report: only this measure")
    p.add_argument("--subject", help="report: only this subject")
    p.add_argument("--place", metavar="NAME", help="report: only this place")
    p.add_argument("--period", metavar="P", help="report: only periods within P (2014, 2014-06)")
    p.add_argument("--actor", action="append", default=[], metavar="NAME",
                   help="report: only claims made by or about this actor (repeat)")
    p.add_argument("--rule", default="ucdp", choices=RULES, metavar="RULE", help="report: the estimates' rule")
    p.add_argument("--prefer", action="append", default=[], metavar="NAME",
                   help="report, --rule hierarchy: the sources to prefer, most trusted first")
    p.add_argument("--annotated", action="store_true",
                   help="report: add the annotated sources (coded segments and memos)")


def report_options(session: Session, sources: Sequence[int] | None, args: argparse.Namespace) -> ReportOptions:
    """The report's options from ``export report``'s arguments; ValueError for an unknown actor."""
    from db.findings.estimates import Selection, actor_ids_named
    from db.findings.report.build import ReportOptions
    from db.findings.rules import Rule

    actor_ids: tuple[int, ...] | None = None
    if args.actor:
        found: set[int] = set()
        for name in args.actor:
            ids = actor_ids_named(session, name)
            if not ids:
                raise ValueError(f"--actor {name}: no such actor")
            found |= ids
        actor_ids = tuple(sorted(found))
    selection = Selection(
        measure=args.measure, subject=args.subject, place=args.place, period=args.period,
        source_ids=tuple(sources) if sources else None, actor_ids=actor_ids,
    )
    return ReportOptions(selection=selection, rule=Rule(args.rule), preferred=tuple(args.prefer),
                         redact=tuple(args.redact), annotated=args.annotated)
