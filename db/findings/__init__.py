"""From claims to findings: reconciled estimates with their rule, and the claims dossier.

- :mod:`db.findings.claims` reads claims (statistics) as light rows, and
  :mod:`db.findings.columns` as arrays, one per field, which the rules work on all at once;
- :mod:`db.findings.vague` reads vague quantities ("dozens", "at least N") through an editable table;
- :mod:`db.findings.grouping` groups claims by what they count (measure, subject, place, period),
  warns about overlapping periods and nested places, and counts relayed claims once;
- :mod:`db.findings.rules` reconciles a group by the rule the researcher picks (UCDP-style
  low/best/high, ACLED-style most conservative, IBC-style min/max, median, a source hierarchy);
- :mod:`db.findings.estimates` puts it together (``dossier estimate``), and
  :mod:`db.findings.saved` keeps the estimates a researcher saves and tells when one is stale;
- :mod:`db.findings.report` writes the claims dossier (DOCX, PDF, HTML), redacted on request.
"""
