"""What Dossier knows about one language: its code, names, script and how its words are reduced
for search; the modules of :mod:`db.language` each describe one language with a :class:`Language`.

Rules that read a language (dates, number words, attribution verbs, morphology) live in that
language's module and are found through :attr:`Language.module`, so a new language is one module
and its evaluation set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

#: a stemmer or lemmatiser: folded words in, their search forms out (same length and order)
WordReducer = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True)
class Language:
    """One language: ``code`` is ISO 639-1 ("ru"), ``script`` the writing system its words are
    recognised by ("Cyrillic"), ``snowball`` the Snowball stemmer's name when there is one."""

    code: str
    name: str
    native: str
    script: str
    snowball: str | None = None
    #: the PostgreSQL text search configuration of this language (migration 0013 makes the
    #: "dossier_*" ones, without stop words; "simple" when it has none)
    pg_config: str = "simple"
    #: a reducer of its own instead of Snowball (Ukrainian lemmas), made on first use
    reducer: Callable[[], WordReducer] | None = field(default=None, compare=False)
    #: the module holding this language's reading rules (dates, numbers, attribution ...)
    module: str | None = None
    #: the other case forms of a name, in lower case (inflected languages): how a known actor
    #: is found as "в Дагестане", "Дагестана"
    name_forms: Callable[[str], set[str]] | None = field(default=None, compare=False)
    #: a name found in the text, in its base form ("Северном Кавказе" -> "Северный Кавказ")
    base_name: Callable[[list[str]], list[str]] | None = field(default=None, compare=False)

    @property
    def stems(self) -> bool:
        """True when search reduces this language's words to a common form."""
        return self.snowball is not None or self.reducer is not None

    def label(self) -> str:
        """How the window names it: "Russian (ru)"."""
        return f"{self.name} ({self.code})"
