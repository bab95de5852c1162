"""REFI-QDA 1.0 (the exchange standard of NVivo, MAXQDA, ATLAS.ti, QualCoder …): projects
(``.qdpx``, ``.qde``) and codebooks (``.qdc``) in and out.

``model`` (the project as data), ``reader`` and ``writer`` (the XML), ``safety`` (opening what
others made), ``offsets`` (whose positions count what), ``from_archive`` (what an export holds),
``store`` (an import's writes), ``project`` (export and import as the command line and the window
call them).
"""
