"""The chart of an estimate beside its claims, drawn as a PNG without Qt (the headless command
never imports it): one strip per estimate, its own scale, a band from low to high, a mark for
the best estimate, a dot per claim used and a ring per claim left out.

Drawn with Pillow (which the PDF library needs anyway); the same input gives the same bytes, so
an HTML report with its charts inlined is byte-identical run after run.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from db.values import format_number

#: pixels per millimetre (about 125 dpi)
SCALE = 5
WIDTH_MM, HEIGHT_MM = 170.0, 16.0
BAND = (187, 222, 251)
BEST = (13, 71, 161)
CLAIM = (66, 66, 66)
LEFT_OUT = (158, 158, 158)
AXIS = (117, 117, 117)


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def strip_chart(
    low: float | None,
    best: float | None,
    high: float | None,
    used: Sequence[float],
    left_out: Sequence[float] = (),
) -> bytes:
    """The PNG of one estimate: claims' best estimates as dots (used) and rings (left out)."""
    width, height = int(WIDTH_MM * SCALE), int(HEIGHT_MM * SCALE)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    numbers = [n for n in (low, best, high, *used, *left_out) if n is not None]
    if not numbers:
        return _png(image)
    least, most = min(numbers), max(numbers)
    if least == most:
        least, most = least - max(1.0, abs(least) * 0.1), most + max(1.0, abs(most) * 0.1)
    pad = (most - least) * 0.05
    least, most = least - pad, most + pad
    left, right = 12 * SCALE, width - 12 * SCALE
    axis_y, mid = height - 5 * SCALE, 5 * SCALE

    def x(value: float) -> float:
        return left + (value - least) / (most - least) * (right - left)

    if low is not None and high is not None:
        draw.rectangle((x(low), mid - 3 * SCALE, max(x(high), x(low) + 2), mid + 3 * SCALE), fill=BAND)
    radius = int(1.2 * SCALE)
    for value in left_out:
        draw.ellipse((x(value) - radius, mid - radius, x(value) + radius, mid + radius), outline=LEFT_OUT, width=3)
    for value in used:
        draw.ellipse((x(value) - radius, mid - radius, x(value) + radius, mid + radius), fill=CLAIM)
    if best is not None:
        draw.rectangle((x(best) - 3, mid - 4 * SCALE, x(best) + 3, mid + 4 * SCALE), fill=BEST)
    draw.line((left, axis_y, right, axis_y), fill=AXIS, width=2)
    font = _font(int(2.6 * SCALE))
    ticks = sorted({n for n in (low, best, high) if n is not None} or {least, most})
    last_end = -1e9
    for value in ticks:
        label = format_number(value)
        box = draw.textbbox((0, 0), label, font=font)
        left_edge = min(max(x(value) - (box[2] - box[0]) / 2, 0), width - (box[2] - box[0]))
        draw.line((x(value), axis_y - SCALE, x(value), axis_y + SCALE), fill=AXIS, width=2)
        if left_edge > last_end + SCALE:  # labels that would overlap are left out
            draw.text((left_edge, axis_y + 1.2 * SCALE), label, fill=AXIS, font=font)
            last_end = left_edge + (box[2] - box[0])
    return _png(image)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # a chart of a few flat colours: the fastest compression is nearly as small (and 5x faster)
    image.save(out, format="PNG", optimize=False, compress_level=1)
    return out.getvalue()
