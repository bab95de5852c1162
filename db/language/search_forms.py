"""The forms words are searched in: folded (case, ё/е) and reduced to a stem or base form by the
language they are in, the same way for the texts indexed and for the words of a query.

A word written in the script of its source's language is reduced by that language; a word in
another script (a Latin name in a Russian article) by the usual language of its script; a word
of a language with no stemmer stays as it is, so every text stays searchable as before.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from db.language import SCRIPT_DEFAULTS, Language, all_languages, language, script_default
from db.language.base import WordReducer
from db.language.scripts import script_of

#: the marks Arabic and Hebrew write over or under letters when they choose to (vowels, shadda,
#: sukun, tanwin, cantillation): part of the word they are in, and left out of its search form,
#: so that a word is found however fully it is voweled
OPTIONAL_MARKS = ("\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f"
                  "\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed")
#: words as search sees them: letters and digits, with the optional marks inside them (SQLite's
#: unicode61 splits at everything else, and at those marks: the shadow index has none of them)
WORD = re.compile(rf"[^\W_](?:[^\W_]|[{OPTIONAL_MARKS}])*+")
#: the same words found faster in a text without "_" (one class to match, not a class less one)
_RUNS = re.compile(r"\w+")
_CACHE_LIMIT = 300_000


#: every ASCII character that is not a letter nor a digit, as a space
_ASCII_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
#: the bytes of Windows-1251 (Russian, Ukrainian, Belarusian and ASCII) that are not a letter
#: nor a digit, as a space; the others as they are
_CP1251_SPACES = bytes(
    b if bytes([b]).decode("cp1251", errors="ignore").isalnum() else 32 for b in range(256))
#: the codec's error handler for a character Windows-1251 lacks: a space when it is no letter
#: nor digit (a dash, an emoji), else the text is split by :data:`WORD`
_SPACE_OR_FAIL = "dossier-space-or-fail"


def _space_or_fail(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError) or any(
            c.isalnum() for c in error.object[error.start:error.end]):
        raise error
    return " ", error.end


codecs.register_error(_SPACE_OR_FAIL, _space_or_fail)


def _words(folded: str) -> list[str]:
    """``WORD.findall(folded)``: every run of letters and digits, in order. Every other
    character is made a space and the text split at spaces, by tables (an ASCII text; a
    Cyrillic one through Windows-1251): about 40 % faster than the regular expression on news
    text, which splits the rest."""
    if folded.isascii():
        return folded.translate(_ASCII_SPACES).split()
    try:
        raw = folded.encode("cp1251", errors=_SPACE_OR_FAIL)
    except UnicodeEncodeError:  # a letter of another alphabet (Latin with accents, Greek ...)
        folded = _fold_scripts(folded)  # Arabic, Hebrew (here only: a scan costs 10 ns a letter)
        return _RUNS.findall(folded.replace("_", " ") if "_" in folded else folded)
    return raw.translate(_CP1251_SPACES).decode("cp1251").split()


#: Arabic spellings written either way, each read as one: alef with hamza or madda as alef, alef
#: maqsura and the Persian yeh as yeh, the Persian kaf as kaf; Arabic-Indic and Persian digits as
#: digits; the optional marks and the elongation stroke (tatweel) left out. (Ta marbuta is kept:
#: read as ha, "الحكومة" and "حكومته" no longer share a Snowball stem.)
_ARABIC_FOLDS = {
    **{ord(c): "\u0627" for c in "\u0622\u0623\u0625\u0671"}, 0x0649: "\u064a",
    0x06CC: "\u064a", 0x06A9: "\u0643", 0x0640: None,
    **{0x0660 + n: str(n) for n in range(10)}, **{0x06F0 + n: str(n) for n in range(10)},
}
_FOLDED_AWAY = re.compile(f"[{OPTIONAL_MARKS}\u0622\u0623\u0625\u0671\u0649\u06cc\u06a9\u0640"
                          "\u0660-\u0669\u06f0-\u06f9]")
_FOLDS = {**_ARABIC_FOLDS, **{code: None for code in range(0x0591, 0x06EE)
                              if _FOLDED_AWAY.match(chr(code)) and code not in _ARABIC_FOLDS}}


def fold_word(text: str) -> str:
    """Lower case with ё as е (the letter is optional in Russian print); Arabic and Hebrew
    without their optional marks, Arabic's variant spellings as one (:data:`_ARABIC_FOLDS`)."""
    return _fold_scripts(_fold_case(text))


def fold_spelling(text: str) -> str:
    """:func:`fold_word` but for the case (PostgreSQL lowers the words it reads itself): the same
    folds its migration 0021 makes in SQL."""
    return _fold_scripts(text.replace("ё", "е").replace("Ё", "Е"))


def _fold_scripts(text: str) -> str:
    """``text`` with Arabic's and Hebrew's folds (:data:`_FOLDS`), if it has anything to fold."""
    if not text.isascii() and _FOLDED_AWAY.search(text):
        return text.translate(_FOLDS)
    return text


def _fold_case(text: str) -> str:
    """:func:`fold_word` but for Arabic and Hebrew, which :func:`_words` folds."""
    return text.lower().replace("ё", "е")


@functools.cache
def _reducer(code: str) -> WordReducer | None:
    lang = language(code)
    if lang is None:
        return None
    if lang.reducer is not None:
        return lang.reducer()
    if lang.snowball is None:
        return None
    import Stemmer

    # no cache of PyStemmer's own: _Forms asks it only for words it has not met (its cache
    # cost a lookup and an entry a word, and made the first stemming of an import 15 % slower)
    stemmer: Any = Stemmer.Stemmer(lang.snowball, 0)
    return stemmer.stemWords  # type: ignore[no-any-return]


class _Forms:
    """Search forms of words for one language, with a cache (news repeats its words)."""

    def __init__(self, lang: Language | None) -> None:
        self.script = lang.script if lang is not None else None
        self.code = lang.code if lang is not None else None
        self.cache: dict[str, str] = {}

    def forms(self, words: Sequence[str]) -> list[str]:
        self._learn(words)
        cache = self.cache
        return [cache[w] for w in words]

    def joined(self, words: Sequence[str]) -> str:
        """The forms of ``words`` as one string, a space between (looked up by C loops: an
        index's text has thousands of words, nearly all known)."""
        if len(words) <= 1:
            return self.forms(words)[0] if words else ""
        try:  # most words of a text are known: looked up at once, the new ones only if any
            return " ".join(itemgetter(*words)(self.cache))
        except KeyError:
            self._learn(words)
            return " ".join(itemgetter(*words)(self.cache))

    def _learn(self, words: Sequence[str]) -> None:
        """Put the forms of the words not yet known in the cache."""
        cache = self.cache
        missing = set(words).difference(cache)
        if not missing:
            return
        if len(cache) > _CACHE_LIMIT:
            cache.clear()  # then every word of this call is looked up again, not only the new
            missing = set(words)
        by_code: dict[str | None, list[str]] = {}
        for word in missing:
            by_code.setdefault(self._code_for(word), []).append(word)
        for code, group in by_code.items():
            reduce = _reducer(code) if code is not None else None
            reduced = reduce(group) if reduce is not None else group
            cache.update(zip(group, reduced, strict=True))

    def _code_for(self, word: str) -> str | None:
        if not word.isalpha():  # digits in it: a number, a date, a code ("M4", "2015")
            return None
        script = script_of(word)
        if script == self.script:
            return self.code
        default = script_default(script)
        return default.code if default is not None else None


@functools.cache
def _forms_for(code: str | None) -> _Forms:
    return _Forms(language(code) if code else None)


#: a long text is reduced a piece at a time, each piece giving each of its forms once, so that
#: memory stays bounded by its vocabulary (a 100 MB transcript repeats its words)
_PIECE = 1 << 20


def index_text(text: str, language_code: str | None) -> str:
    """The search forms of the words of ``text`` as a string of words: every word, in the text's
    order, for a text of up to a million characters; beyond that each form once per million."""
    if not text:
        return ""  # most sources name no author nor outlet
    if len(text) <= _PIECE:
        forms = _forms_for(_stemming_code(language_code))
        return forms.joined(_words(_fold_case(text)))
    return index_pieces(_pieces_of(text), language_code)


def _pieces_of(text: str) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE)
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1  # never cut a word in two
        yield text[start:end]
        start = end


def index_pieces(pieces: Iterable[str], language_code: str | None) -> str:
    """``index_text`` of a long text given a piece at a time (of about a million characters,
    none cutting a word in two), so that the whole text is never held: each form once a piece."""
    forms = _forms_for(_stemming_code(language_code))
    found: list[str] = []
    for piece in pieces:
        words = list(dict.fromkeys(_words(_fold_case(piece))))
        if words:
            found.append(" ".join(dict.fromkeys(forms.forms(words))))
    return " ".join(found)


def word_form(folded: str, language_code: str | None) -> str:
    """The search form of one folded word of a source in ``language_code``."""
    return _forms_for(_stemming_code(language_code)).forms([folded])[0]


def word_forms(folded: Sequence[str], language_code: str | None) -> list[str]:
    """:func:`word_form` of each of many folded words (reduced together: faster)."""
    return _forms_for(_stemming_code(language_code)).forms(folded)


@functools.lru_cache(maxsize=256)
def _stemming_code(code: str | None) -> str | None:
    lang = language(code)
    return lang.code if lang is not None else None


def query_forms(word: str, languages: Collection[str] | None = None) -> list[str]:
    """Every form a query word may be indexed under: as written (folded), and as reduced by each
    language written in its script (a query has no language of its own) among ``languages``
    (the archive's; None: all), and by the usual language of its script; first form first."""
    folded = fold_word(word)
    found = [folded]
    if any(c.isdigit() for c in folded):
        return found
    script = script_of(folded)
    wanted = None if languages is None else {*languages, SCRIPT_DEFAULTS.get(script)}
    for lang in _stemming_languages(script):
        if wanted is not None and lang.code not in wanted:
            continue
        for form in _forms_for(lang.code).forms([folded, *_inflections(folded, lang.code)]):
            if form and form not in found:
                found.append(form)
    return found


def _inflections(folded: str, code: str) -> tuple[str, ...]:
    """The other forms of a query word in a language with a dictionary (Russian, Ukrainian): the
    stems of their forms are searched too, so that "борцами" finds "борец", whose stem differs."""
    from db.language import morphology

    return morphology.inflections(folded, code) if code in morphology.LANGUAGES else ()


@functools.cache
def _stemming_languages(script: str) -> tuple[Language, ...]:
    default = SCRIPT_DEFAULTS.get(script)
    langs = [lang for lang in all_languages() if lang.script == script and lang.stems]
    langs.sort(key=lambda lang: lang.code != default)
    return tuple(langs)


def words_of(text: str) -> Iterable[str]:
    """The words of a query or a text, as search splits them."""
    return WORD.findall(text)
