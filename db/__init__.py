"""Dossier's archive core: schema, migrations, reads, writes, search, import and extraction.

Nothing in this package imports Qt; the desktop front talks to it through plain functions
and frozen dataclasses.
"""

__version__ = "0.1.0"
