"""Walking a page's lxml tree: whether an element is inside some others, what follows it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def inside(node: Any, tags: frozenset[str]) -> bool:
    """Whether an ancestor of ``node`` is one of ``tags``."""
    return any(isinstance(a.tag, str) and a.tag in tags for a in node.iterancestors())


def elements_after(node: Any, *, within: str | None = None) -> Iterator[Any]:
    """The elements after ``node`` in document order (comments and the like skipped); with
    ``within``, only up to the end of the ancestor of that tag (e.g. ``"body"``)."""
    for following in node.itersiblings():
        if isinstance(following.tag, str):
            yield following
            yield from (d for d in following.iterdescendants() if isinstance(d.tag, str))
    parent = node.getparent()
    if parent is not None and parent.tag != within:
        yield from elements_after(parent, within=within)
