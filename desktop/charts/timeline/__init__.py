"""The timeline pane: sources, claims and relations over time (pyqtgraph; import ``.pane`` where
the pane is built)."""
