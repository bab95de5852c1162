"""Actors (people, groups, places, outlets): their records, likely duplicates, merging them.

- :mod:`db.actors.records`: everything known about an actor, its relations, editing it whole;
- :mod:`db.actors.duplicates`: likely duplicates and the name keys they are found by;
- :mod:`db.actors.merging`: folding two records into one, and taking that back.

Deleting an actor and bringing it back is :mod:`db.snapshots`' job, as for any row.
"""

from db.actors.duplicates import DuplicateCandidate, likely_duplicates, name_key, skeleton
from db.actors.merging import MergeRecord, merge_actors, unmerge
from db.actors.records import (
    ActorDetail,
    ActorState,
    AliasRow,
    MentioningSource,
    RelationData,
    RelationRow,
    actor_detail,
    actor_state,
    apply_actor_state,
    delete_relation,
    relations_of,
    restore_relation,
    update_relation,
)

__all__ = [
    "ActorDetail",
    "ActorState",
    "AliasRow",
    "DuplicateCandidate",
    "MentioningSource",
    "MergeRecord",
    "RelationData",
    "RelationRow",
    "actor_detail",
    "actor_state",
    "apply_actor_state",
    "delete_relation",
    "likely_duplicates",
    "merge_actors",
    "name_key",
    "relations_of",
    "restore_relation",
    "skeleton",
    "unmerge",
    "update_relation",
]
