"""Sources as citations for Zotero and reference managers, out and in: CSL-JSON (``csl``), RIS
(``ris``, through rispy) and BibTeX/BibLaTeX (``bibtex``, through bibtexparser). ``records``
maps a source to one neutral record and back; ``importing`` reads Zotero's exports."""
