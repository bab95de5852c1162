"""Format readers: one module per format, all returning :class:`db.ingest.base.ParsedSource`."""
