"""The report as one self-contained HTML file: styles inline, charts as data: URIs, no scripts.

Nothing varies between runs (no dates, no random ids, blocks in a fixed order), so the same
archive and options give byte-identical files. Every paragraph and cell carries ``dir="auto"``:
Arabic runs right to left, Russian and English left to right, each laid out by the browser.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from db.findings.report.document import Document, Heading, Image, Paragraph, Table

STYLE = """
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #212121; margin: 2em auto;
       max-width: 60em; line-height: 1.4; }
h1 { font-size: 1.6em; border-bottom: 2px solid #0d47a1; padding-bottom: .2em; margin-top: 1.6em; }
h2 { font-size: 1.25em; margin-top: 1.4em; }
h3 { font-size: 1.05em; }
p.subtitle { color: #555; }
p.finding { font-size: 1.1em; font-weight: bold; }
p.rule, p.small { color: #555; font-size: .9em; }
p.warning { color: #8d4b00; background: #fff3e0; padding: .2em .5em; }
p.quote { border-left: 3px solid #90caf9; padding-left: .6em; font-style: italic; }
p.entry { padding-left: 2em; text-indent: -2em; }
table { border-collapse: collapse; width: 100%; font-size: .85em; margin: .6em 0 1em; }
th, td { border: 1px solid #bdbdbd; padding: .25em .4em; vertical-align: top; text-align: start; }
th { background: #eceff1; }
tr.muted td { color: #757575; background: #fafafa; }
img { max-width: 100%; }
"""


def render_html(document: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(document.title)}</h1>",
        f'<p class="subtitle" dir="auto">{escape(document.subtitle)}</p>',
    ]
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(block.level + 1, 4)  # the document's title is the one h1
            parts.append(f'<h{level} dir="auto">{escape(block.text)}</h{level}>')
        elif isinstance(block, Paragraph):
            parts.append(f'<p class="{block.style}" dir="auto">{escape(block.text)}</p>')
        elif isinstance(block, Image):
            data = base64.b64encode(block.png).decode("ascii")
            parts.append(
                f'<p><img src="data:image/png;base64,{data}" alt="{escape(block.alt)}" '
                f'style="width:{block.width_mm:g}mm;height:{block.height_mm:g}mm"></p>'
            )
        elif isinstance(block, Table):
            total = sum(block.widths)
            cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in block.widths)
            head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
            rows = []
            for n, row in enumerate(block.rows):
                muted = ' class="muted"' if n in block.muted else ""
                cells = "".join(f'<td dir="auto">{escape(c)}</td>' for c in row)
                rows.append(f"<tr{muted}>{cells}</tr>")
            parts.append(f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>"
                         + "".join(rows) + "</tbody></table>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def write_html(document: Document, path: Path) -> None:
    path.write_bytes(render_html(document).encode("utf-8"))
