"""A web page's article text as a reader wants it: the title not said twice, page furniture gone.

What trafilatura keeps of an article often starts with what sits between the headline and the
first paragraph on the page: the headline itself again, a date line, "From the section Europe",
"941 comments", "Share this article" (or "Teilen", "このニュースをシェア"), "Copy link", "Listen to this
article · 4:32 min", "Sign up for our newsletter", "Follow", "Save article", "Text size", a bar of
them ("Print | Email | Share"). These are left out by their shape, in any position for
lines that can never be prose (a comment count, a share prompt, a photo credit), and only before
the first paragraph for a line that is just a date ("Updated March 3, 2020, 10:05 a.m. ET"), a
picture's credit ("Photo: Jane Roe / Agency", "© Agency", "Jane Roe/Getty Images") or a caption
ending in one, and a summary's label with its sentence ("In short: …"), so a date or a credit
said in the text stays. A date
line is read in any of the date languages (dateparser's words, :data:`db.ingest._common.DATE_LANGUAGES`),
with a label of up to four words before it ("Mis à jour le", "Опубликовано") or short labels
after it ("05/10/2018 - Posted by: Jane Doe - Category: Health") or a byline's name and place
before it ("Jane Doe | Madrid | 08/01/2014"), and a line of labelled times with no date ("Uppdaterad
15.59 | Publicerad 14.14"); so is a byline's newsroom on a line of its own
(under the byline, or the credit the dateline repeats: "CNN" / "WASHINGTON (CNN) —"); the page's own headline
(its ``<h1>``) is left out there too when it differs from the title, and so are the page's
sub-headlines and labels and a summary's list of points, unless what follows them is no
paragraph (a list, a table's rows: then they head the article's own parts). A standfirst keeps
its place at the head, and the byline, date, place and caption lines between it and the first
paragraph go.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from db.dates import PartialDate
from db.ingest._common import names_a_month, parse_date
from db.ingest.bylinename import is_agency
from db.ingest.bylinetext import AUTHOR_LABEL
from db.text import fold

#: lines that are page furniture wherever they stand (whole line, case-insensitive)
_FURNITURE = re.compile(
    r"""^(?:
        \d[\d,.\s]*\s*(?:comments?|replies|responses|shares?)      # 941 comments
      | (?:view|show|read|see)\s+(?:all\s+)?\d*\s*comments?         # view comments
      | from\s+the\s+section\b.*                                  # From the section Europe
      | (?:share|tweet|email|print)(?:\s+this)?(?:\s+(?:article|story|page|post))?(?:\s+on\s+\w+)?
      | share\s+(?:on|via)\s+\w+
      | (?:この(?:ニュース|記事|ページ)を)?シェア(?:する)?|分享(?:到|至)?|공유(?:하기)?
      | (?:artikel\s+|beitrag\s+)?teilen|partager(?:\s+(?:cet|l')\s*article)?|compartir(?:\s+(?:esta\s+noticia|este\s+art[ií]culo))?
      | condividi(?:\s+(?:l'articolo|questo\s+articolo))?|compartilhe|compartilhar|partilhar|поделиться|поділитися
      | udostępnij|sdílet|megosztás|paylaş|dela|delen|مشاركة|שתף
      | (?:[-•·]\s*)?(?:copy\s+(?:the\s+)?link|link\s+copied|link\s+kopieren|copier\s+le\s+lien|
         copiar\s+(?:el\s+)?(?:enlace|link)|copia\s+(?:il\s+)?link|(?:с)?копировать\s+ссылку|
         скопіювати\s+посилання|कॉपी\s+लिंक|लिंक\s+कॉपी\s+करें|リンクをコピー(?:する)?|复制链接|링크\s*복사)
      | (?:image|photo|picture)\s+(?:copyright|caption|source|credit)\b.*
      | (?:advertisement|sponsored(?:\s+content)?|related\s+(?:stories|articles|topics))
      | (?:skip|jump)\s+to\s+(?:content|main\s+content)
      | (?:listen|play|hear)(?:\s+to)?(?:\s+(?:this|the))?\s+(?:article|story|audio|podcast|version)
        (?:\s*[·•|:-]?\s*\d+(?::\d\d)?\s*(?:min(?:utes?|s)?\.?|m|s|sec)?)?     # Listen to this article · 4:32 min
      | (?:sign\s+up|subscribe|register)\s+(?:for|to)\s+(?:our|the)\s+(?:\w+\s+)?newsletters?
      | this\s+(?:article|story)\s+is\s+more\s+than\s+\d+\s+\w+\s+old
      | (?:follow|unfollow|save|bookmark|gift|unlock)(?:\s+(?:this\s+)?(?:article|story|topic|author|us))?
      | (?:text|font)\s+size|a[-+]?(?:\s*a[-+]?){1,2}                 # a reader's text size buttons: "A A A"
      | (?:listen|audio|play)(?:\s*[·•|:-]?\s*\d+\s*(?:min(?:utes?)?|:\d\d))?   # Listen · 5 min
      | \d+\s*(?:min(?:ute)?s?)\.?\s+(?:read|listen|de\s+lecture|lesezeit|de\s+lectura)
      | (?:lesedauer|lesezeit|reading\s+time|read\s+time|temps\s+de\s+lecture|tiempo\s+de\s+lectura|
         tempo\s+di\s+lettura|tempo\s+de\s+leitura|leestijd|läsetid|lästid|время\s+чтения)
        \s*:?\s*(?:ca\.?\s*|~\s*)?\d+\s*(?:min(?:uten|utes?|utos|uti|uter|\.)?|минут[аы]?)?  # Lesedauer: 4 Minuten
      | (?:écouter|[ée]couter\s+cet\s+article|artikel\s+(?:anhören|vorlesen)|escuchar(?:\s+(?:este\s+)?art[ií]culo)?|
         ascolta(?:\s+l'articolo)?|слушать(?:\s+статью)?|прослушать(?:\s+статью)?)(?:\s*[·•|:-]?\s*\d+\s*\S*)?
      | https?://\S+                                              # a bare address
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: lines that are no prose where they stand at the head of the text, before the first paragraph:
#: a picture's credit ("Photo: Jane Roe / Agency", "© Agency", "(Photo by Jane Roe/AFP via Getty
#: Images)"), a caption ending in one, a summary's label and its sentence ("In short: …")
_CREDIT_AGENCIES = r"(?:getty\s+images|afp|reuters|ap|dpa|epa|imago|shutterstock|istock|picture[- ]alliance|keystone|anp|belga)"
_HEAD_FURNITURE = re.compile(
    r"""^(?:
        (?:photos?|fotos?|bild(?:er)?|images?|pictures?|credits?|crédits?|photographs?|illustrations?|grafik|фото)
        \s*(?:credit)?\s*[:：].{1,100}
      | ©.{1,100}
      | \(?(?:photo|foto|picture|image)s?\s+(?:by|von|de|par|di)\s+[^()]{1,80}\)?
      | [^.!?]{1,60}/\s*""" + _CREDIT_AGENCIES + r"""(?:\s+via\s+getty\s+images)?\)?
      | [^\n]{1,200}?(?:[.)]\s*|\s)(?:©|\((?:photo|foto)[^()]{1,60}\)$|(?:photo|foto|bild|image|credit)s?\s*:)[^.!?]{1,60}
      | (?:in\s+short|in\s+brief|tl;?\s*dr|summary|the\s+gist|at\s+a\s+glance|kurz\s+gesagt|in\s+kürze|
         en\s+bref|en\s+résumé|en\s+resumen|in\s+sintesi|коротко|кратко)\s*[:：].*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_BAR = re.compile(r"\s*[|·•/]\s*")


def _furniture_bar(line: str) -> bool:
    """A bar of prompts: "Print | Email | Share", each part a furniture line of its own."""
    parts = [part for part in _BAR.split(line) if part]
    return len(parts) > 1 and all(_FURNITURE.match(part) for part in parts)


#: a line at the head of the text this short that reads as a date is the page's date line
_DATE_LINE_MAX = 60
_DATE_LINE_WORDS = 10
#: words of a label before a date ("Mis à jour le", "Опубликовано", "Updated:")
_LABEL_WORDS = 4
_CLOCK = re.compile(r"^\d{1,2}[h:.]\d\d(?::\d\d)?[,;]?$|^uhr$|^h$|^[ap]\.?m\.?[,;]?$", re.IGNORECASE)
#: a time zone after the time ("10:05 a.m. ET", "14.30 MEZ"): upper case only (French "et" is "and")
_ZONE = re.compile(r"^(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|MEZ|MESZ|EET|EEST|IST|JST|KST|MSK)[,;]?$")
#: a date line with labels after it: at most this long, each label this many words
_META_LINE_MAX = 120
_META_PART_WORDS = 6
_META_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+|\s+by\s+(?=[A-Z])")
#: a first line with this many letters is a standfirst (a heading, a kicker or a label has fewer)
_STANDFIRST_LETTERS = 60
#: a page's headline has this many letters at least to be left out where it stands
_HEADLINE_LETTERS = 12
#: a section label ("chaos theory", "World | Africa") above the headline has no more words
_KICKER_WORDS = 4
#: a line this long (in words) inside the headline is a part of it, not a word of prose
_TITLE_PART_WORDS = 2
#: a link label (a tag, a category) on a line of its own has no more words
_LABEL_LINE_WORDS = 3
#: "By", "Par", "Written by", "Posted by:" before a byline's name
_BYLINE_LABEL = re.compile(
    r"^(?:(?:\w+\s+){0,2}(?:by|par|von|por|door|di|av|от|автор|авторы|текст)\b\s*:?\s*|" + AUTHOR_LABEL + ")",
    re.IGNORECASE,
)
#: words a byline line may have past the name ("Staff Writer", "12 March 2020")
_BYLINE_EXTRA_WORDS = 6
#: a chapter's number on a line of its own: "102", "XIV.", "Chapter 3", "Глава 12"
_CHAPTER_NUMBER = re.compile(
    r"^(?:(?:chapter|chapitre|kapitel|cap[ií]tulo|capitolo|hoofdstuk|rozdział|глава|розділ|part|teil|partie)\s+)?"
    r"(?:\d{1,4}|(?-i:(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})))[.:]?$",
    re.IGNORECASE,
)
#: a line from a box beside the article has this many letters at least to be recognised
_BOX_LETTERS = 20
#: how many lines at the head are looked at for the repeated title and date lines
_HEAD_LINES = 8


#: the end of a line a paragraph may end with (a sentence's stop, a closing quotation mark)
#: spaces a wrapped line keeps (never the ideographic space a Japanese paragraph starts with)
_SPACES = frozenset(" \t")
_LINE_END = re.compile(r"[.!?:;…\"'»”’)\]。！？]\s*$")


def unwrapped(text: str) -> str:
    """The text with the page source's own line breaks inside a paragraph joined: trafilatura
    trims each block it ends, but keeps a newline the HTML had inside one ("Photos\n which were
    released online, \nshow ..."), where the line before it ends in a space and no stop, or the
    line after it starts with a space (a Japanese paragraph's ideographic space is no such sign)."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        before = out[-1] if out else ""
        if before.strip() and line.strip() and (
            line[:1] in _SPACES or (before[-1:] in _SPACES and not _LINE_END.search(before))
        ):
            out[-1] = f"{before.rstrip()} {line.lstrip()}"
        else:
            out.append(line)
    return "\n".join(out)


def article_text(
    text: str,
    title: str | None,
    headlines: tuple[str, ...] = (),
    captions: set[str] | frozenset[str] = frozenset(),
    labels: set[str] | frozenset[str] = frozenset(),
    author: str | None = None,
    boxes: tuple[str, ...] = (),
    heading_lines: set[str] | frozenset[str] = frozenset(),
) -> str:
    """``text`` without the title repeated as its first line and without furniture lines;
    ``headlines`` are the page's own headlines (its ``<h1>``), which may differ from the title
    and are left out at the head of the text as it is, and so are the page's image
    ``captions``, its link ``labels`` (tags, categories: keys of :func:`_key`) and a byline
    naming the ``author``, a bare number (a chapter's), a line from one of the ``boxes``
    set beside the article (the keys of their texts), one of the page's ``heading_lines`` (keys:
    sub-headlines, kickers, labels) and a summary's list of points before the first paragraph."""
    lines = [line for line in text.split("\n") if not _FURNITURE.match(line.strip())]
    title_key = _key(title) if title else ""
    head = _past_kicker(lines, title_key)
    headline_keys = {key for key in map(_key, headlines) if len(key) >= _HEADLINE_LETTERS}
    author_name = author or ""
    credits = _credit_lines(lines, author_name)

    def furniture(line: str) -> bool:
        key = _key(line)
        return (
            not key  # an empty list item ("-"), a rule ("* * *"): no letter or digit
            or _is_title_part(line, title_key)
            or key in headline_keys
            or key in captions
            or (key in labels and len(line.split()) <= _LABEL_LINE_WORDS)
            or _is_byline(line, author_name)
            or _is_dated_byline(line, author_name)
            or _CHAPTER_NUMBER.match(line) is not None
            or (len(key) >= _BOX_LETTERS and any(key in box for box in boxes))
            or _is_date_line(line)
            or _is_dated_meta_line(line)
            or _is_time_line(line)
            or _HEAD_FURNITURE.match(line) is not None
            or _furniture_bar(line)
            or is_agency(line)  # an agency's credit on a line of its own ("AFP", "Reuters")
            or key in credits
        )

    past = _past_head(lines, head, furniture, heading_lines)
    if past < len(lines) and not _is_paragraph(lines[past]):
        # what the headings led to is no paragraph (a list, a table's rows, a fact box's
        # labels): they head the article's own parts and stay
        past = _past_head(lines, head, furniture, frozenset(), points=False)
    head = past
    kept = lines[head:]
    if kept and _letters(kept[0]) >= _STANDFIRST_LETTERS:
        kept = kept[:1] + kept[_past_meta_lines(kept, 1, author_name, captions):]
    return "\n".join(kept).strip() if any(line.strip() for line in kept) else text.strip()


#: a line ending as a sentence does with this many letters is a paragraph in any script (a
#: Korean or Japanese sentence says in 30 letters what an English one does in 80)
_SENTENCE_LETTERS = 20
_SENTENCE_END = re.compile(r"[.!?…。！？]\W*$")


def _is_paragraph(line: str) -> bool:
    """A line of prose: not a list's item, a standfirst's length or a sentence."""
    if _LIST_ITEM.match(line):
        return False
    letters = _letters(line)
    return letters >= _STANDFIRST_LETTERS or (letters >= _SENTENCE_LETTERS and _SENTENCE_END.search(line) is not None)


def _past_head(
    lines: list[str],
    head: int,
    furniture: Callable[[str], bool],
    heading_lines: set[str] | frozenset[str],
    *,
    points: bool = True,
) -> int:
    """Where the article goes on past the furniture, the ``heading_lines`` and (with
    ``points``) a summary's list of points at the head of its ``lines`` from ``head`` on."""
    while head < min(len(lines), _HEAD_LINES):
        line = lines[head].strip()
        if furniture(line) or _key(line) in heading_lines:
            head += 1
            continue
        skipped = _summary_points(lines, head) if points else 0
        if not skipped:
            break
        head += skipped
    return head


#: a summary's list of points ("Key points", "Darum gehts") before the first paragraph: this many
#: items at least and at most, each a sentence (so many letters at least), then a paragraph of a
#: standfirst's length. A list of short items (a how-to's materials, a report's list of names)
#: is the article's own and stays in its text.
_POINTS_MIN = 2
_POINTS_MAX = 10
_POINT_LETTERS = 25
_LIST_ITEM = re.compile(r"^\s*[-•*·]\s+\S")


def _summary_points(lines: list[str], at: int) -> int:
    """How many lines from ``at`` on are a summary's list of points set before the article's
    first paragraph (2 to 10 items, each a sentence, then a line of prose); 0 when there is none."""
    end = at
    while end < len(lines) and _LIST_ITEM.match(lines[end]):
        if _letters(lines[end]) < _POINT_LETTERS:
            return 0
        end += 1
    count = end - at
    if not _POINTS_MIN <= count <= _POINTS_MAX or end >= len(lines):
        return 0
    return count if _letters(lines[end]) >= _STANDFIRST_LETTERS else 0


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _past_meta_lines(
    lines: list[str], start: int, author: str, captions: set[str] | frozenset[str] = frozenset()
) -> int:
    """Where the prose goes on past the byline, date and place lines from ``start`` on (what
    stands between a standfirst and the first paragraph: "Von Jane Doe, Frankfurt", "20 Nisan
    2026 • Güncelleme: 20 Nisan 2026", "Ankara", an image's caption); ``start`` when no such line
    is there. A place (a word on a line of its own) counts only after a byline or a date line."""
    at = start
    while at < min(len(lines), start + _HEAD_LINES) and at + 1 < len(lines):
        line = lines[at].strip()
        place = at > start and len(line.split()) == 1 and line[0].isupper() and line[-1].isalpha()
        if not (not line or place or _is_byline(line, author) or _is_date_line(line)
                or _is_dated_meta_line(line) or _key(line) in captions):
            break
        at += 1
    return at


#: the newsroom or role under a byline ("CNN", "Staff Writer", "Washington Post") has no more words
_CREDIT_WORDS = 3


def _credit_lines(lines: list[str], author: str) -> set[str]:
    """The keys of the short lines right under a byline at the text's head, which say where the
    writer works ("By Jane Doe" / "CNN"), not the article's first words."""
    credits = set()
    for at, line in enumerate(lines[:_HEAD_LINES]):
        words = line.split()
        if not (0 < len(words) <= _CREDIT_WORDS and words[0][:1].isupper()) or any(c.isdigit() for c in line):
            continue
        before, after = lines[at - 1].strip() if at else "", lines[at + 1] if at + 1 < len(lines) else ""
        # under the byline, or the credit the dateline after it repeats ("CNN" / "WASHINGTON (CNN) —")
        if (before and _is_byline(before, author) and not _LINE_END.search(line)) or (
            f"({line.strip()})" in after[:_DATELINE_CHARS]
        ):
            credits.add(_key(line))
    return credits


#: a dateline's credit ("WASHINGTON (CNN) —") stands within so many characters of its line's start
_DATELINE_CHARS = 60


def _is_byline(line: str, author: str) -> bool:
    """ "By Jane Doe", "Jane Doe", "Par Jean Dupont et Marie Curie": the author's name on a line
    of its own, with a "By" and a title or a date after it at most."""
    if not author or len(line) > _META_LINE_MAX or line.endswith((".", "!", "?", "…")):
        return False
    name = _BYLINE_LABEL.sub("", line, count=1)
    key = _key(name)
    return any(
        key.startswith(wanted) and (key == wanted or len(name.split()) <= len(wanted) // 3 + _BYLINE_EXTRA_WORDS)
        for wanted in _author_keys(author)
    )


#: "by" between a date line and the name: "Geschrieben am 3. März 2020 von Jane Doe"
_DATE_THEN_BY = re.compile(r"^(.*\d.*?)\s+(?:by|von|par|por|door|di|da|av|de)\s+(\S.*)$", re.IGNORECASE)


def _is_dated_byline(line: str, author: str) -> bool:
    """ "Geschrieben am 3. März 2020 von Jane Doe", "Publié le 3 mars 2020 par Jean Dupont": a
    date line with its label, then "by" and the author's name."""
    match = _DATE_THEN_BY.match(line) if author and len(line) <= _META_LINE_MAX else None
    return match is not None and _is_date_line(match.group(1)) and _is_byline(match.group(2), author)


#: a name of several authors' list that a byline line may begin with has this many letters at least
_NAME_LETTERS = 4


def _author_keys(author: str) -> list[str]:
    """The keys a byline may begin with: the authors' names as one, and the first name of
    several ("Jane Doe and John Roe", "박준석 기자 외 1명", "and one more", for "박준석, 김태연")."""
    names = [_key(name) for name in re.split(r"[,;]", author)]
    whole = "".join(names)
    first = names[0] if len(names) > 1 and len(names[0]) >= _NAME_LETTERS else ""
    return [key for key in (whole, first) if key]


def _key(text: str) -> str:
    """Letters and digits only, folded: quotes and dashes styled differently still compare."""
    return "".join(c for c in fold(text) if c.isalnum())


def _is_title_part(line: str, title_key: str) -> bool:
    """The headline, or a line of it where the page breaks it in two ("The Project:" / "Better
    Journalism")."""
    key = _key(line)
    return bool(title_key) and bool(key) and (
        key == title_key or (len(line.split()) >= _TITLE_PART_WORDS and key in title_key)
    )


def _past_kicker(lines: list[str], title_key: str) -> int:
    """Where the text goes on past a kicker and the headline ("chaos theory" / the title): 0 when
    the headline is not among the first lines or what stands before it is more than a label."""
    for index, line in enumerate(lines[:_HEAD_LINES]):
        if title_key and _key(line) == title_key:
            before = [ln for ln in lines[:index] if ln.strip()]
            if all(len(ln.split()) <= _KICKER_WORDS for ln in before):
                return index + 1
            return 0
    return 0


def _is_date_line(line: str) -> bool:
    return date_line(line) is not None


def date_line(line: str, *, month: bool = False) -> PartialDate | None:
    """The date of a line that is only a date: "24 July 2015", "sexta-feira, 22 de outubro de
    2010 às 20:13", and with a label before it, in any of the languages dates are read in: "Mis
    à jour le 3 mars 2020 à 10h05", "Опубликовано 12 марта 2020 в 10:05", "Updated: 18 March
    2015"; None for any other line. With ``month``, only a line that names a month is read (a
    year alone is no date then; and dateparser is not asked about most lines)."""
    words = line.split()
    if len(line) > _DATE_LINE_MAX or not any(c.isdigit() for c in line) or len(words) > _DATE_LINE_WORDS:
        return None
    if month and not names_a_month(line):
        return None
    # a time written "10h05" or "20.13 Uhr" is left to the rest, which must be a date
    words = [w for w in words if not _CLOCK.match(w) and not _ZONE.match(w)]
    for skip in range(_LABEL_WORDS + 1):
        rest = " ".join(words[skip:])
        if skip and any(c.isdigit() for c in " ".join(words[:skip])):
            break  # a label has no digits: the date has begun
        date = parse_date(rest) if rest else None
        if date is not None:
            return date
    return None


def _is_dated_meta_line(line: str) -> bool:
    """A date with labels after it: "05/10/2018 - Posted by: Jane Doe - Category: Health",
    "5:45 AM PST 11/19/2019 by Jane Doe"."""
    if len(line) > _META_LINE_MAX or line.endswith((".", "!", "?", "…")):
        return False
    parts = [part.strip() for part in _META_SEPARATOR.split(line)]
    if len(parts) < 2 or not all(len(part.split()) <= _META_PART_WORDS for part in parts):
        return False
    # the date first, or last after the byline's name and place ("Jane Doe | Madrid | 08/01/2014")
    return _is_date_line(parts[0]) or (len(parts) > 2 and _is_date_line(parts[-1]))


#: a time of day with its label: "Uppdaterad 15.59", "Updated 10:05 am", "Publié à 14h14"
_LABELLED_TIME = re.compile(
    rf"^(?:[^\W\d_][\w.]*\s+){{0,{_LABEL_WORDS}}}(?:à\s+|at\s+|um\s+|kl\.?\s+)?\d{{1,2}}[h:.]\d\d(?::\d\d)?"
    r"(?:\s*(?:[ap]\.?m\.?|uhr|h))?$",
    re.IGNORECASE,
)


def _is_time_line(line: str) -> bool:
    """A line of times of day with their labels and no date (the day is the page's):
    "Uppdaterad 15.59 | Publicerad 14.14", "Updated 10:05 am"."""
    if len(line) > _META_LINE_MAX:
        return False
    parts = [part.strip() for part in _META_SEPARATOR.split(line) if part.strip()]
    return bool(parts) and all(_LABELLED_TIME.match(part) for part in parts)
