"""What the frozen ``dossier`` executable runs: the same ``main`` as the installed script."""

from desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
