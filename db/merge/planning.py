"""Deciding a merge: which rows of theirs come in, which fields change, what is a conflict.

Rows are matched by UUID, then sources by the sha256 of their original (or of their normalised
text), codes by their path, aliases by actor and name, memos by what they are on. Each matched
pair is merged field by field against the common ancestor — what each archive recorded of the
other when they last merged (or when one was sent to the other as a copy):

- a field the other side did not change since is kept; one this side did not change is taken;
- a field both changed differently is a conflict: the later edit wins unless the researcher
  picked the other, and the value not kept goes to the merge history (nothing is lost);
  an annotation's codes changed on both sides are joined instead.

A row only one side has is added, unless the other side deleted it (a tombstone, or a row it
had seen and no longer has) and it was not changed since: then the deletion is applied. An
actor merged into another on one side follows the redirect on the other. A row that is needed
by one being kept (a source with a new annotation) is never deleted, and is brought back when
the other side deleted it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from db.merge.kinds import CODES, DIGEST_SIZE, ORDER, Kind, kind, kinds
from db.merge.sides import Row, Side

#: a conflict between a deletion on one side and an edit on the other
DELETED = "(deleted)"
OURS, THEIRS = "ours", "theirs"


@dataclass
class Conflict:
    kind: str
    #: the row's UUID in this archive (theirs when only they have it)
    uuid: str
    field: str
    #: the side whose value the archive keeps
    kept: str
    ours: Row | None
    theirs: Row | None


@dataclass
class Update:
    ours: Row
    theirs: Row
    #: the fields whose value is taken from theirs
    take: list[str]
    #: an annotation's codes joined (both sides changed them)
    join_codes: bool = False


@dataclass
class Plan:
    ours: Side
    theirs: Side
    canon: dict[str, str] = field(default_factory=dict)
    #: the kinds some of whose rows were recognised by content (their keys differ from UUIDs)
    matched_kinds: set[str] = field(default_factory=set)
    #: a merged-away actor's UUID -> the actor it was merged into (canonical)
    redirect: dict[str, str] = field(default_factory=dict)
    inserts: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    updates: dict[str, list[Update]] = field(default_factory=lambda: defaultdict(list))
    deletes: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    #: our actors the other side merged into another: (our actor, the survivor's canonical UUID)
    actor_merges: list[tuple[Row, str]] = field(default_factory=list)
    #: their actors we had merged into another: their names become the survivor's aliases
    redirected: list[tuple[Row, str]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0
    #: per kind, canonical UUID -> our row / their row
    ours_by_key: dict[str, dict[str, Row]] = field(default_factory=dict)
    theirs_by_key: dict[str, dict[str, Row]] = field(default_factory=dict)
    #: actors the researcher confirmed are the same, or are not: (our UUID, their UUID)
    same_actors: list[tuple[str, str]] = field(default_factory=list)
    different_actors: list[tuple[str, str]] = field(default_factory=list)

    def key(self, uuid: str) -> str:
        return self.canon.get(uuid, uuid)

    def target(self, uuid: str) -> str:
        """The canonical UUID a reference to ``uuid`` stands for (following actor redirects)."""
        seen = 0
        while uuid in self.redirect and seen < 20:
            uuid, seen = self.redirect[uuid], seen + 1
        return self.key(uuid)

    def ref_keys(self, side: Side, spec: Kind, row: Row) -> list[tuple[str, str]]:
        """(kind, canonical UUID) of every row ``row`` points at."""
        found = []
        for name, raw in zip(spec.refs, row.refs, strict=True):
            target = spec.refs[name]
            if raw is None or target == "*":
                continue
            uuid = side.uuids[target].get(int(str(raw)))
            if uuid is not None:
                found.append((target, self.target(uuid)))
        return found


def _changed(bases: dict[str, bytes], key: str, row: Row) -> bool | None:
    """Whether ``row`` differs from its recorded ancestor (None: no ancestor recorded)."""
    base = bases.get(key)
    return None if base is None else base != bytes(row.digests)


def _later(ours: Row, theirs: Row, position: int) -> str:
    if ours.modified_at is not None and theirs.modified_at is not None and ours.modified_at != theirs.modified_at:
        return OURS if ours.modified_at > theirs.modified_at else THEIRS
    at = slice(position * DIGEST_SIZE, (position + 1) * DIGEST_SIZE)
    return OURS if bytes(ours.digests[at]) >= bytes(theirs.digests[at]) else THEIRS


def _match(plan: Plan, spec: Kind) -> None:
    """Pair their rows with ours: by UUID, then by content; set the canonical UUIDs."""
    ours, theirs = plan.ours.rows[spec.name], plan.theirs.rows[spec.name]
    if spec.name == "actors":
        for side, other in ((plan.ours, theirs), (plan.theirs, ours)):
            for uuid in other:
                tomb = side.tombs.get(uuid)
                if tomb is not None and tomb.replaced_by and uuid not in side.rows["actors"]:
                    plan.redirect[uuid] = tomb.replaced_by
    index: dict[str | bytes, str] = {}
    for row in ours.values():
        if row.uuid not in theirs:
            for key in _content_keys(plan, plan.ours, spec, row):
                index.setdefault(key, row.uuid)
    taken: set[str] = set()
    for row in theirs.values():
        if row.uuid in ours:
            continue
        for key in _content_keys(plan, plan.theirs, spec, row):
            mine = index.get(key)
            if mine is not None and mine not in taken:
                taken.add(mine)
                plan.canon[mine] = plan.canon[row.uuid] = min(mine, row.uuid)
                plan.matched_kinds.add(spec.name)
                break


def _content_keys(plan: Plan, side: Side, spec: Kind, row: Row) -> tuple[str | bytes, ...]:
    if spec.name in ("sources", "codes"):
        return row.keys
    if spec.name in ("aliases", "memos"):
        raw = row.refs[0]
        if spec.name == "aliases":
            uuid = side.uuids["actors"].get(int(str(raw))) if raw is not None else None
            return (f"{plan.target(uuid)}|{row.keys[0]!s}",) if uuid else ()
        return (f"{row.keys[0]!s}|{plan.target(str(raw))}",) if raw else ()
    return ()


def _decide_pair(plan: Plan, spec: Kind, mine: Row, theirs: Row, key: str,
                 bases: tuple[dict[str, bytes], dict[str, bytes]],
                 choices: dict[tuple[str, str, str], str]) -> None:
    if mine.digests == theirs.digests:
        plan.unchanged += 1
        return
    seen_by_us, seen_by_them = bases[0].get(key), bases[1].get(key)
    take: list[str] = []
    join = False
    for position, name in enumerate(spec.fields):
        at = slice(position * DIGEST_SIZE, (position + 1) * DIGEST_SIZE)
        ours_d, theirs_d = mine.digests[at], theirs.digests[at]
        if ours_d == theirs_d:
            continue
        if seen_by_us is not None and seen_by_us[at] == theirs_d:
            continue  # they did not change it since we last saw them
        if seen_by_them is not None and seen_by_them[at] == ours_d:
            take.append(name)  # we did not change it since they last saw us
            continue
        if name == CODES:
            join = True
            continue
        kept = choices.get((spec.name, mine.uuid, name)) or _later(mine, theirs, position)
        plan.conflicts.append(Conflict(spec.name, mine.uuid, name, kept, mine, theirs))
        if kept == THEIRS:
            take.append(name)
    if take or join:
        plan.updates[spec.name].append(Update(mine, theirs, take, join))
    else:
        plan.unchanged += 1


def _decide(plan: Plan, spec: Kind, choices: dict[tuple[str, str, str], str],
            bases: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    seen_by_us, seen_by_them = bases
    # a kind none of whose rows was recognised by content is keyed by UUID already
    ours_by_key, theirs_by_key = plan.ours.rows[spec.name], plan.theirs.rows[spec.name]
    if spec.name in plan.matched_kinds:
        ours_by_key = {plan.key(u): r for u, r in ours_by_key.items()}
        theirs_by_key = {plan.key(u): r for u, r in theirs_by_key.items()}
    plan.ours_by_key[spec.name], plan.theirs_by_key[spec.name] = ours_by_key, theirs_by_key
    # the ancestor is read only for the rows that differ or that one side lacks
    asked = [k for k, r in theirs_by_key.items() if (m := ours_by_key.get(k)) is None or m.digests != r.digests]
    asked += [k for k in ours_by_key if k not in theirs_by_key]
    for recorded in bases:
        load = getattr(recorded, "load", None)
        if load is not None:
            load(asked)
    for key, theirs in theirs_by_key.items():
        mine = ours_by_key.get(key)
        if mine is not None:
            _decide_pair(plan, spec, mine, theirs, key, bases, choices)
            continue
        if theirs.uuid in plan.redirect:
            plan.redirected.append((theirs, plan.target(theirs.uuid)))
            continue
        tomb = plan.ours.tombs.get(theirs.uuid)
        if tomb is None and key not in seen_by_us:
            plan.inserts[spec.name].append(theirs)
            continue
        changed = _changed(seen_by_us, key, theirs)
        if changed is None:
            changed = _after(theirs, tomb)
        if changed:  # deleted here, edited there: keep it unless the researcher says otherwise
            kept = choices.get((spec.name, theirs.uuid, DELETED), THEIRS)
            plan.conflicts.append(Conflict(spec.name, theirs.uuid, DELETED, kept, None, theirs))
            if kept == THEIRS:
                plan.inserts[spec.name].append(theirs)
    for key, mine in ours_by_key.items():
        if key in theirs_by_key:
            continue
        tomb = plan.theirs.tombs.get(mine.uuid)
        if tomb is not None and tomb.replaced_by and spec.name == "actors":
            plan.actor_merges.append((mine, plan.target(tomb.replaced_by)))
            continue
        if tomb is None and key not in seen_by_them:
            continue  # ours alone
        changed = _changed(seen_by_them, key, mine)
        if changed is None:
            changed = _after(mine, tomb)
        if not changed:
            plan.deletes[spec.name].append(mine)
            continue
        kept = choices.get((spec.name, mine.uuid, DELETED), OURS)
        plan.conflicts.append(Conflict(spec.name, mine.uuid, DELETED, kept, mine, None))
        if kept == THEIRS:
            plan.deletes[spec.name].append(mine)


def _after(row: Row, tomb: object) -> bool:
    """Without an ancestor: was the row changed after the other side deleted it?"""
    deleted_at = getattr(tomb, "deleted_at", None)
    if deleted_at is None or row.modified_at is None:
        return True
    return bool(row.modified_at > deleted_at)


def _bring_back_parents(plan: Plan) -> None:
    """A row coming in whose parent we deleted brings the parent back too (nothing is lost)."""
    wanted = {(name, plan.key(r.uuid)) for name, rows in plan.inserts.items() for r in rows}
    for name in reversed(ORDER):
        spec = kind(name)
        queue = list(plan.inserts[name])
        while queue:
            row = queue.pop()
            for target, key in plan.ref_keys(plan.theirs, spec, row):
                if key in plan.ours_by_key.get(target, {}) or (target, key) in wanted:
                    continue
                parent = plan.theirs_by_key.get(target, {}).get(key)
                if parent is not None:
                    wanted.add((target, key))
                    plan.inserts[target].append(parent)
                    if target == name:
                        queue.append(parent)


def _spare_needed(plan: Plan) -> None:
    """Never delete a row that a row being kept (ours as merged, or one coming in) points at."""
    needed: set[tuple[str, str]] = set()
    for name in reversed(ORDER):
        spec = kind(name)
        doomed = {plan.key(r.uuid) for r in plan.deletes[name]}
        if needed and doomed:
            plan.deletes[name] = [r for r in plan.deletes[name] if (name, plan.key(r.uuid)) not in needed]
            doomed = {plan.key(r.uuid) for r in plan.deletes[name]}
        updated = {u.ours.uuid: u for u in plan.updates[name]}
        for key, row in plan.ours_by_key.get(name, {}).items():
            if key in doomed:
                continue
            update = updated.get(row.uuid)
            if update is None or not set(update.take) & set(spec.refs):
                needed.update(plan.ref_keys(plan.ours, spec, row))
                continue
            # a reference the merge takes from theirs points where theirs does
            needed.update((t, k) for t, k in _each_ref(plan, spec, row, update) if t is not None)
        for row in plan.inserts[name]:
            needed.update(plan.ref_keys(plan.theirs, spec, row))


def _each_ref(plan: Plan, spec: Kind, mine: Row, update: Update) -> list[tuple[str | None, str]]:
    """(kind, canonical UUID) each reference of ``mine`` points at once merged (None: nowhere)."""
    found: list[tuple[str | None, str]] = []
    for position, name in enumerate(spec.refs):
        target = spec.refs[name]
        side, row = (plan.theirs, update.theirs) if name in update.take else (plan.ours, mine)
        raw = row.refs[position]
        uuid = side.uuids[target].get(int(str(raw))) if raw is not None and target != "*" else None
        found.append((target, plan.target(uuid)) if uuid is not None else (None, ""))
    return found


def plan_merge(ours: Side, theirs: Side, bases: tuple[dict[str, bytes], dict[str, bytes]],
               choices: dict[tuple[str, str, str], str] | None = None,
               ancestor: Side | None = None) -> Plan:
    """Decide everything; ``bases`` is (what we last saw of them, what they last saw of us), or
    an ``ancestor`` archive both came from stands for both."""
    plan = Plan(ours, theirs)
    for spec in kinds():
        _match(plan, spec)
        ours.finish(spec, plan.target)
        theirs.finish(spec, plan.target)
        if ancestor is not None:
            ancestor.finish(spec, plan.target)
            for uuid, row in ancestor.rows[spec.name].items():
                bases[0][plan.key(uuid)] = bases[1][plan.key(uuid)] = bytes(row.digests)
        _decide(plan, spec, choices or {}, bases)
    _bring_back_parents(plan)
    _spare_needed(plan)
    return plan
