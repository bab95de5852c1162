"""The main window (``main_window``): where panes, controllers, docks and menus are put together."""
