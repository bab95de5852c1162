"""Every edit the window makes, as a QUndoCommand on ``window.undo_stack``.

Each step of a command is one call into :mod:`db.undo`, run on the window's writer thread (see
:mod:`desktop.undo.base`); nothing here knows SQL.
"""

from typing import TYPE_CHECKING

from db.lazy import exports

if TYPE_CHECKING:  # the names of __all__, for type checkers
    from desktop.undo.actors import AddAlias, CreateActor, DeleteActor, EditActorRecord, MergeActors
    from desktop.undo.annotations import (
        CreateAnnotation,
        CreateMention,
        EditAnnotation,
        delete_annotation,
        delete_mention,
    )
    from desktop.undo.base import ArchiveCommand, DeleteRows, IdOrRef, Ref, Window
    from desktop.undo.codes import CreateCode, EditCode, MergeCodes, delete_code
    from desktop.undo.findings import EditVagueTable, KeepEstimate
    from desktop.undo.memos import EditMemo
    from desktop.undo.merge import MergeArchive
    from desktop.undo.places import SetCoordinates
    from desktop.undo.references import ImportReferenceData
    from desktop.undo.sources import SetSourceLanguage
    from desktop.undo.statistics import CreateStatistic, DeleteStatistic, EditStatistic
    from desktop.undo.suggestions import RejectSuggestion
    from desktop.undo.texts import PlaceOrphan, ReplaceText

#: the names, by the module (in this package) that holds them: imported when first asked for
_MODULES = {
    "actors": ("AddAlias", "CreateActor", "DeleteActor", "EditActorRecord", "MergeActors"),
    "annotations": (
        "CreateAnnotation",
        "CreateMention",
        "EditAnnotation",
        "delete_annotation",
        "delete_mention",
    ),
    "base": ("ArchiveCommand", "DeleteRows", "IdOrRef", "Ref", "Window"),
    "codes": ("CreateCode", "EditCode", "MergeCodes", "delete_code"),
    "findings": ("EditVagueTable", "KeepEstimate"),
    "memos": ("EditMemo",),
    "merge": ("MergeArchive",),
    "places": ("SetCoordinates",),
    "references": ("ImportReferenceData",),
    "sources": ("SetSourceLanguage",),
    "statistics": ("CreateStatistic", "DeleteStatistic", "EditStatistic"),
    "suggestions": ("RejectSuggestion",),
    "texts": ("PlaceOrphan", "ReplaceText"),
}
__getattr__, __dir__ = exports(__name__, _MODULES)

__all__ = [
    "AddAlias",
    "ArchiveCommand",
    "CreateActor",
    "CreateAnnotation",
    "CreateCode",
    "CreateMention",
    "CreateStatistic",
    "DeleteActor",
    "DeleteRows",
    "DeleteStatistic",
    "EditActorRecord",
    "EditAnnotation",
    "EditCode",
    "EditMemo",
    "EditStatistic",
    "EditVagueTable",
    "IdOrRef",
    "ImportReferenceData",
    "KeepEstimate",
    "MergeActors",
    "MergeArchive",
    "MergeCodes",
    "PlaceOrphan",
    "Ref",
    "RejectSuggestion",
    "ReplaceText",
    "SetCoordinates",
    "SetSourceLanguage",
    "Window",
    "delete_annotation",
    "delete_code",
    "delete_mention",
]
