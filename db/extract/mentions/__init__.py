"""Actor mentions in a text: known names and aliases (:mod:`.matching`), and candidates for new
actors (:mod:`.new_actors`), both as :class:`MentionCandidate` spans of the text."""

from db.extract.candidates import MentionCandidate
from db.extract.mentions.matching import ActorMatcher, normalise
from db.extract.mentions.new_actors import suggest_new_actors

__all__ = ["ActorMatcher", "MentionCandidate", "normalise", "suggest_new_actors"]
