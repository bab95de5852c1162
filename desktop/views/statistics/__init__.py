"""The statistics pane (``pane``), its filter bar and totals (``tools``), its proxy (``filtering``)
and how typed cells are read (``cells``)."""
