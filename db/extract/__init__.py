"""Offline suggestions: mentions of known actors, new actor candidates, statistic candidates."""
