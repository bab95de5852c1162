"""What a write changed, so the window reloads only the panes that show it.

An undo command says which parts of the archive its edit touches (``ArchiveCommand.touches``);
the window then emits ``parts_changed(parts)`` instead of ``archive_changed`` (everything), and
an annotation made at a million sources reloads the reader and a few counts, not the lists.
An import of documents changes the sources and adds actors (:data:`SOURCES_IMPORTED`: at a
million sources, no statistics list read again nor conflicts and estimates worked out anew);
anything else that does not say (a project file's import, merges, a colleague's changes)
changes everything.
"""

from __future__ import annotations

#: which sources are listed, or what their rows say (title, date, language)
SOURCES = "sources"
#: annotations and mentions (the reader's marks, the annotations pane, counts of use)
ANNOTATIONS = "annotations"
#: claims (the statistics pane, conflicts, the chart, estimates)
STATISTICS = "statistics"
#: the registry of actors (names shown as claimants and places too)
ACTORS = "actors"
#: the codebook
CODES = "codes"

#: actors new to the registry that no claim names yet (the outlets of imported sources): the
#: actors pane lists them; claims, conflicts and estimates are as they were
ACTORS_ADDED = "actors added"

Parts = frozenset[str]
EVERYTHING: Parts = frozenset({SOURCES, ANNOTATIONS, STATISTICS, ACTORS, CODES})
#: what an import of documents (no project file) writes: sources, and their outlets as actors
SOURCES_IMPORTED: Parts = frozenset({SOURCES, ACTORS_ADDED})


def only_annotations(parts: Parts) -> bool:
    """An edit of annotations (marks, mentions, their codes) that leaves the shown source's
    text, row and claims as they were."""
    return ANNOTATIONS in parts and parts <= {ANNOTATIONS, CODES, ACTORS}
