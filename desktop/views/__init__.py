"""The window and its panes. Views talk to Qt models and :mod:`desktop.operations`, never the ORM."""
