# Two commands do all the set-up: `make run` opens Dossier, `make test` checks it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck imports pytest package dist-linux bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(VENV)/.installed-run: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/dossier $(ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

imports: $(VENV)/.installed-dev
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck imports pytest

$(VENV)/.installed-package: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,package]'
	touch $@

package: $(VENV)/.installed-package
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/dossier.spec

# The Linux download, dist/dossier-VERSION-linux-x86_64.tar.zst, and its optional parts
# (dist/dossier-VERSION-part-NAME.tar.zst, packaging/README.md), from the folder `make package`
# built (run both: `make package dist-linux`). ZSTD_LEVEL=10 takes seconds instead of minutes.
ZSTD_LEVEL ?= 22
dist-linux: $(VENV)/.installed-package
	$(BIN)/python packaging/dist_linux.py --level $(ZSTD_LEVEL)

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache
