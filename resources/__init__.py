"""Files Dossier ships: the sample archive's source and curation, icons, the desktop entry."""
