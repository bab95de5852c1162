"""Panes and dialogs: passive widgets that show what they are given and ask for changes through
signals. They never read the archive or write to it (controllers and undo commands do)."""
