"""Dossier's desktop front (PySide6) and its command line."""
