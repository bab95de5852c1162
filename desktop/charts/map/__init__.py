"""The map pane (pyqtgraph; import ``.pane`` where the pane is built)."""
