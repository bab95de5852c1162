"""Memory handed back after the big reads (desktop.memory, issue 18)."""

from __future__ import annotations

import linecache

import pytest
from pytestqt.qtbot import QtBot

from desktop import memory


def test_give_back_forgets_the_source_lines_cached_on_import() -> None:
    assert linecache.getline(memory.__file__, 1)  # as shiboken's import hook leaves them
    assert memory.__file__ in linecache.cache
    memory.give_back()
    assert memory.__file__ not in linecache.cache
    assert linecache.getline(memory.__file__, 1)  # a traceback reads them again


def test_several_big_reads_arriving_together_hand_back_once(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "give_back", lambda: calls.append(1))
    for _ in range(3):
        memory.give_back_soon()
    qtbot.waitUntil(lambda: calls == [1])
    memory.give_back_soon()
    qtbot.waitUntil(lambda: calls == [1, 1])
