"""Merging researchers' archives: another archive into this one, without losing anything.

:func:`merge_archives` (db.merge.run) reads the other archive, matches rows (by UUID, then by
content), merges field by field against the recorded common ancestor (db.merge.planning) and
writes the result in one transaction (db.merge.applying), returning the counts, the conflicts
side by side, the actors that may be the same, and the change that takes it back.
:func:`send_copy` (db.merge.sending) gives a colleague a copy and records it as the ancestor.
"""

from db.merge.applying import MergeCancelled
from db.merge.opening import MergeError
from db.merge.run import (
    Choices,
    ConflictRow,
    Decisions,
    MergeResult,
    merge_archives,
    merge_into,
    preview_merge,
)
from db.merge.suggestions import ActorSuggestion, reject_pair

__all__ = [
    "ActorSuggestion",
    "Choices",
    "ConflictRow",
    "Decisions",
    "MergeCancelled",
    "MergeError",
    "MergeResult",
    "merge_archives",
    "merge_into",
    "preview_merge",
    "reject_pair",
]
