"""The one door for reads from the Qt side, grouped by subject.

Each function takes the :class:`~db.archive.Archive`, opens one Session, calls ``db`` and returns
plain frozen dataclasses (ORM objects never leave their Session), so it is safe to call on a
worker thread of the window's task runner. Besides the undo commands (:mod:`desktop.undo`), no
other desktop code opens a Session.
"""
