"""Reads of suggestions: what the offline extractors find in one source (nothing is saved)."""

from __future__ import annotations

from db.archive import Archive
from db.suggestions import SourceSuggestions, suggestions_for_source
from desktop.reads.base import read


def suggestions(archive: Archive, source_id: int) -> SourceSuggestions | None:
    """Suggested mentions and statistics for a source, less those already recorded or refused."""
    return read(archive, suggestions_for_source, source_id)
