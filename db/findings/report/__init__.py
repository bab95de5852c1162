"""The claims dossier: one document model (:mod:`.document`), built from the archive
(:mod:`.build`, redacted through :mod:`.redact`), written as HTML, DOCX or PDF by one writer each.

:func:`db.findings.report.write.write_report` is ``dossier export report OUT`` and File ▸ Report….
"""
