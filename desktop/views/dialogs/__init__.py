"""Dialogs for annotating: codes and note, mention of an actor, a statistic, codebook, memos.

They take plain data (rows from :mod:`db.rows`, drafts from :mod:`db.lookup`) and callables,
never a Session. They are opened with ``open()`` (not ``exec()``), so the window stays live and
tests can fill them in and press OK with qtbot.
"""

from desktop.views.dialogs.annotate import AnnotateDialog
from desktop.views.dialogs.codebook import ChooseCodeDialog, CodeDialog
from desktop.views.dialogs.language import LanguageDialog
from desktop.views.dialogs.memo import MemoDialog, MemoSearchDialog
from desktop.views.dialogs.mention import MentionDialog
from desktop.views.dialogs.statistic import StatisticDialog
from desktop.views.dialogs.text import OrphansDialog, SourceTextDialog

__all__ = [
    "AnnotateDialog",
    "ChooseCodeDialog",
    "CodeDialog",
    "LanguageDialog",
    "MemoDialog",
    "MemoSearchDialog",
    "MentionDialog",
    "OrphansDialog",
    "SourceTextDialog",
    "StatisticDialog",
]
