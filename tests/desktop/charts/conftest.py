"""Chart tests: a task runner for the pane's reads, as the window gives it one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.tasks import TaskRunner


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()
    # Deliver what has finished while the panes are still there, not in a later test.
    qtbot.waitUntil(lambda: runner.active == 0, timeout=10_000)
