"""Headless edits for scripts and batch work: ``annotate``, ``actor add|rename``, ``stat add``.

Each goes through the same write the window makes (db.undo, db.commands, db.codebook) in one
transaction, and prints the new or changed row as ``show``/``actors``/``stats`` would (``--json``:
the object). A refused edit is ``ID: problem`` on stderr, exit 1, nothing written.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from db.cli.output import print_json, print_table, problem, text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.archive import Archive
    from db.dates import PartialDate

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parsers(commands: argparse._SubParsersAction[Any]) -> None:
    p = commands.add_parser("annotate", help="annotate a span of a source with codes and a note")
    p.add_argument("source_id", type=int)
    p.add_argument("start", type=int)
    p.add_argument("end", type=int)
    p.add_argument("--code", action="append", default=[], metavar="PATH",
                   help="a code by its path in the codebook (Violence/Killings); made if missing")
    p.add_argument("--note")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("actor", help="add or rename an actor")
    verbs = p.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="add an actor to the registry")
    add.add_argument("name")
    add.add_argument("--kind", required=True, help="person, organisation, armed_group, state_body, place, media_outlet or other")
    add.add_argument("--alias", action="append", default=[], metavar="NAME")
    add.add_argument("--json", action="store_true")
    rename = verbs.add_parser("rename", help="give an actor another name (the old one stays as an alias)")
    rename.add_argument("actor_id", type=int)
    rename.add_argument("name")
    rename.add_argument("--json", action="store_true")

    p = commands.add_parser("stat", help="record a statistic (a claim) from a span of a source")
    verbs = p.add_subparsers(dest="verb", required=True)
    stat = verbs.add_parser("add", help="record a statistic")
    stat.add_argument("source_id", type=int)
    stat.add_argument("start", type=int)
    stat.add_argument("end", type=int)
    stat.add_argument("--value", required=True, metavar="V", help="the best estimate (1,200, ~1,200 (1,000–1,500), ≥ 19)")
    stat.add_argument("--low", metavar="L")
    stat.add_argument("--high", metavar="H")
    stat.add_argument("--approximate", action="store_true")
    stat.add_argument("--measure", default="", metavar="M")
    stat.add_argument("--subject", metavar="S")
    stat.add_argument("--period", metavar="P", help="2015, 2015-06, 2015-06-11 or START/END")
    stat.add_argument("--place", metavar="NAME")
    stat.add_argument("--claimant", metavar="NAME")
    stat.add_argument("--json", action="store_true")


def _code_path(session: Session, path: str) -> int:
    """The code at ``path`` ("Violence/Killings"), made (with its parents) where missing."""
    from sqlalchemy import select

    from db.codebook import add_code
    from db.commands import CommandError
    from db.models import Code

    parent: int | None = None
    parts = [p.strip() for p in path.split("/") if p.strip()]
    if not parts:
        raise CommandError(f"{path!r} is not a code's path")
    for name in parts:
        found = session.scalar(select(Code.id).where(
            Code.name == name, Code.parent_id.is_(None) if parent is None else Code.parent_id == parent))
        parent = found if found is not None else add_code(session, name, parent_id=parent)
    assert parent is not None
    return parent


def cmd_annotate(opened: Archive, args: argparse.Namespace) -> int:
    from db.commands import CommandError
    from db.queries import annotations_of
    from db.undo import create_annotation

    try:
        with opened.session() as session:
            code_ids = [_code_path(session, path) for path in args.code]
            made = create_annotation(session, args.source_id, args.start, args.end,
                                     code_ids=code_ids, note=args.note)
            row = next(a for a in annotations_of(session, args.source_id) if a.id == made.id)
    except CommandError as error:
        problem(f"{args.source_id}: {error}")
        return EXIT_INPUT_FAILED
    if args.json:
        print_json(row.to_json())
    else:
        print_table([[str(row.id), f"{row.start}-{row.end}", "; ".join(row.codes), text(row.note), row.quote]],
                    ["id", "span", "codes", "note", "quote"])
    return EXIT_OK


def _print_actor(opened: Archive, actor_id: int, as_json: bool) -> None:
    from db.queries import list_actors

    with opened.session() as session:
        row = next(a for a in list_actors(session) if a.id == actor_id)
    if as_json:
        print_json(row.to_json())
    else:
        print_table([[str(row.id), row.name, row.kind, "; ".join(row.aliases)]], ["id", "name", "kind", "aliases"])


def cmd_actor(opened: Archive, args: argparse.Namespace) -> int:
    from dataclasses import replace

    from db.actors import actor_state
    from db.commands import CommandError
    from db.undo import create_actor, edit_actor
    from db.vocabulary import ActorKind

    try:
        with opened.session() as session:
            if args.verb == "add":
                try:
                    kind = ActorKind(args.kind).value
                except ValueError:
                    problem(f"{args.kind}: not a kind of actor (one of {', '.join(k.value for k in ActorKind)})")
                    return EXIT_USAGE
                actor_id = create_actor(session, args.name, kind, args.alias).id
            else:
                actor_id = args.actor_id
                state = actor_state(session, actor_id)
                new_name = " ".join(args.name.split())
                aliases = state.aliases
                if state.name != new_name and all(a != state.name for a, _ in aliases):
                    aliases = (*aliases, (state.name, None))
                aliases = tuple(a for a in aliases if a[0] != new_name)
                edit_actor(session, actor_id, replace(state, name=new_name, aliases=aliases))
    except CommandError as error:
        problem(f"{getattr(args, 'actor_id', args.name if args.verb == 'add' else '')}: {error}")
        return EXIT_INPUT_FAILED
    _print_actor(opened, actor_id, args.json)
    return EXIT_OK


def _period(value: str | None) -> tuple[PartialDate | None, PartialDate | None]:
    from db.dates import PartialDate

    if not value:
        return None, None
    first, _, last = value.partition("/")
    start = PartialDate.from_iso(first.strip())
    return start, PartialDate.from_iso(last.strip()) if last.strip() else start


def cmd_stat(opened: Archive, args: argparse.Namespace) -> int:
    from db import values
    from db.commands import CommandError, NewStatistic
    from db.queries import list_statistics
    from db.undo import create_statistic

    try:
        estimate = values.parse(args.value)
        low = values.read_number(args.low) if args.low else estimate.low
        high = values.read_number(args.high) if args.high else estimate.high
        period_start, period_end = _period(args.period)
    except ValueError as error:
        problem(f"dossier: {error}")
        return EXIT_USAGE
    new = NewStatistic(
        value=estimate.value, measure=args.measure, low=low, high=high,
        approximate=args.approximate or estimate.approximate, subject=args.subject,
        period_start=period_start, period_end=period_end, place=args.place, claimant=args.claimant,
        source_id=args.source_id, start=args.start, end=args.end,
    )
    try:
        with opened.session() as session:
            statistic_id = create_statistic(session, new).id
            [row] = list_statistics(session, ids=[statistic_id])
    except CommandError as error:
        problem(f"{args.source_id}: {error}")
        return EXIT_INPUT_FAILED
    if args.json:
        print_json(row.to_json())
    else:
        print_table([[str(row.id), values.format(row), row.measure, text(row.subject), row.claimant or "(author)",
                      text(row.quote)]], ["id", "value", "measure", "subject", "claimant", "quote"])
    return EXIT_OK
