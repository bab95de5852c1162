"""What the frozen ``dossier`` executable runs: the same ``main`` as the installed script."""

import multiprocessing

from desktop.main import main

if __name__ == "__main__":
    # The importer reads slow files in worker processes started with "spawn": in the frozen
    # executable they run this same program, which must hand them over to multiprocessing.
    multiprocessing.freeze_support()
    raise SystemExit(main())
