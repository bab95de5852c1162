"""A small news page for the web-page tests: a three-paragraph article, its title and head."""

from __future__ import annotations

from pathlib import Path

from db.ingest import html
from db.ingest.base import ParsedSource

FIRST = ("Negotiators from both delegations met again on Tuesday in the capital and agreed to "
         "extend the ceasefire by a further thirty days, officials from the mediating office said.")
SECOND = ("The previous truce had been broken several times in the eastern districts, where at least "
          "a dozen civilians were reported killed in the last week of fighting.")
THIRD = ("Observers from the mission will patrol the line of contact twice a day and report any "
         "shelling to both sides and to the mediators within the hour.")
BODY = f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
TITLE = "Truce extended for thirty days"
HEAD = f'<meta charset="utf-8"><title>{TITLE} | Example Post</title><meta property="og:site_name" content="Example Post">'


def page(tmp_path: Path, body: str, head: str = HEAD) -> ParsedSource:
    """The one source read from a page of ``body`` (and ``head``) saved in ``tmp_path``."""
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", "utf-8")
    sources = list(html.parse(path))
    assert len(sources) == 1
    return sources[0]
