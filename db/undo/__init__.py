"""The database half of every undo: writes that return what reverts them.

Each write the window makes (creating an annotation, merging codes, correcting a text, importing
reference data ...) is a function here that does it in the caller's transaction and returns a
small frozen :class:`Change`; ``change.revert(session)`` takes it back and returns the change
that applies it again (see :mod:`db.undo.base`). A QUndoCommand's every step is one such call.
"""

from typing import TYPE_CHECKING

from db.lazy import exports

if TYPE_CHECKING:  # the names of __all__, for type checkers
    from db.undo.actors import (
        ActorEdited,
        ActorsMerged,
        ActorsUnmerged,
        add_alias,
        create_actor,
        delete_actor,
        edit_actor,
        merge_actors,
    )
    from db.undo.annotations import (
        AnnotationEdited,
        create_annotation,
        create_mention,
        delete_annotation,
        edit_annotation,
    )
    from db.undo.base import Change, Changes, Deleted, Inserted, Session, delete_rows
    from db.undo.codes import (
        CodeEdited,
        CodesMerged,
        CodeUnmerged,
        create_code,
        delete_code,
        edit_code,
        merge_codes,
    )
    from db.undo.findings import EstimateKept, VagueTableEdited, edit_vague_table, keep_estimate
    from db.undo.memos import MemoEdited, edit_memo
    from db.undo.places import CoordinatesSet, set_coordinates
    from db.undo.references import ReferenceImported, import_reference
    from db.undo.sources import SourceLanguageSet, set_source_language
    from db.undo.statistics import (
        StatisticEdited,
        create_statistic,
        delete_statistic,
        edit_statistic,
    )
    from db.undo.suggestions import reject_suggestion
    from db.undo.texts import Anchoring, AnchorsChanged, place_orphan, replace_text

#: the names, by the module (in this package) that holds them: imported when first asked for
_MODULES = {
    "actors": (
        "ActorEdited",
        "ActorsMerged",
        "ActorsUnmerged",
        "add_alias",
        "create_actor",
        "delete_actor",
        "edit_actor",
        "merge_actors",
    ),
    "annotations": (
        "AnnotationEdited",
        "create_annotation",
        "create_mention",
        "delete_annotation",
        "edit_annotation",
    ),
    "base": ("Change", "Changes", "Deleted", "Inserted", "Session", "delete_rows"),
    "codes": (
        "CodeEdited",
        "CodesMerged",
        "CodeUnmerged",
        "create_code",
        "delete_code",
        "edit_code",
        "merge_codes",
    ),
    "findings": ("EstimateKept", "VagueTableEdited", "edit_vague_table", "keep_estimate"),
    "memos": ("MemoEdited", "edit_memo"),
    "places": ("CoordinatesSet", "set_coordinates"),
    "references": ("ReferenceImported", "import_reference"),
    "sources": ("SourceLanguageSet", "set_source_language"),
    "statistics": ("StatisticEdited", "create_statistic", "delete_statistic", "edit_statistic"),
    "suggestions": ("reject_suggestion",),
    "texts": ("Anchoring", "AnchorsChanged", "place_orphan", "replace_text"),
}
__getattr__, __dir__ = exports(__name__, _MODULES)

__all__ = [
    "ActorEdited",
    "ActorsMerged",
    "ActorsUnmerged",
    "Anchoring",
    "AnchorsChanged",
    "AnnotationEdited",
    "Change",
    "Changes",
    "CodeEdited",
    "CodeUnmerged",
    "CodesMerged",
    "CoordinatesSet",
    "Deleted",
    "EstimateKept",
    "Inserted",
    "MemoEdited",
    "ReferenceImported",
    "Session",
    "SourceLanguageSet",
    "StatisticEdited",
    "VagueTableEdited",
    "add_alias",
    "create_actor",
    "create_annotation",
    "create_code",
    "create_mention",
    "create_statistic",
    "delete_actor",
    "delete_annotation",
    "delete_code",
    "delete_rows",
    "delete_statistic",
    "edit_actor",
    "edit_annotation",
    "edit_code",
    "edit_memo",
    "edit_statistic",
    "edit_vague_table",
    "import_reference",
    "keep_estimate",
    "merge_actors",
    "merge_codes",
    "place_orphan",
    "reject_suggestion",
    "replace_text",
    "set_coordinates",
    "set_source_language",
]
