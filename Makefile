# GIA Wegwijzer. `make serve` and `make test` do all setup themselves (a .venv with pinned packages,
# and Debian's Chromium for the browser tests). See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PORT   ?= 8000

.PHONY: setup chromium check build serve test lint typecheck unit bench mutate update-golden handleiding clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# Browser tests drive Debian's Chromium (test tools cannot download browsers here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium installeren (apt-get) voor de browsertests…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

check: setup
	$(BIN)/python -m generator check

build: setup
	$(BIN)/python -m generator build

serve: setup
	$(BIN)/python -m generator serve --port $(PORT)

lint: setup
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/python -m pytest -m "not browser"

test: setup chromium lint typecheck
	$(BIN)/python -m pytest

bench: setup chromium
	$(BIN)/python -m tests.bench

# Mutation testing (tests/mutation.py), not part of `make test`: the score per module of the fast tests.
# MODULES=kern (default: route, contact and export checks), a list such as "graph export", or alle.
MODULES ?= kern
mutate: setup
	$(BIN)/python -m tests.mutation $(MODULES)

update-golden: setup
	$(BIN)/python -m tests.golden --update

# content/handleiding/velden.md is generated from schema/ and committed; run this after changing a schema.
handleiding: setup
	$(BIN)/python -m generator handleiding

clean:
	rm -rf .build site site.oud mutants mutants-sjablonen
