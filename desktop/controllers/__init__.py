"""Controllers: what the researcher does in the window, one subject a module.

The window (:mod:`desktop.window`) builds each controller with the few things it needs (the
:class:`~desktop.controllers.base.Services` of the window and the panes it works on) and wires
their signals; a controller never receives the whole window. Every write is an undo command from
:mod:`desktop.undo` pushed on the undo stack; every read goes through :mod:`desktop.reads`.
"""
