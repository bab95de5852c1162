"""The actor network pane (pyqtgraph; import ``.pane`` where the pane is built)."""
