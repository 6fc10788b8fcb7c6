# GIA Wegwijzer. `make serve` and `make test` do all setup themselves (a .venv with pinned packages,
# Debian's Graphviz for the route drawings and Debian's Chromium for the browser tests). See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PORT   ?= 8000

.PHONY: setup system-deps graphviz chromium check build serve test lint typecheck unit bench update-golden handleiding clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# Debian packages, installed with apt-get when missing (through sudo when not root, as on CI runners):
# Graphviz's `dot` lays out the route drawings (build), Chromium runs the browser tests (test tools
# cannot download browsers here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

system-deps: graphviz chromium

graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Graphviz installeren (apt-get) voor de schema's van de ketenroutes…"; \
	  $(APT_INSTALL) graphviz >/dev/null; }

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium installeren (apt-get) voor de browsertests…"; \
	  $(APT_INSTALL) chromium >/dev/null; }

check: setup
	$(BIN)/python -m generator check

build: setup graphviz
	$(BIN)/python -m generator build

serve: setup graphviz
	$(BIN)/python -m generator serve --port $(PORT)

lint: setup
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: setup
	$(BIN)/mypy

unit: setup graphviz
	$(BIN)/python -m pytest -m "not browser"

test: setup system-deps lint typecheck
	$(BIN)/python -m pytest

bench: setup system-deps
	$(BIN)/python -m tests.bench

update-golden: setup graphviz
	$(BIN)/python -m tests.golden --update

# content/handleiding/velden.md is generated from schema/ and committed; run this after changing a schema.
handleiding: setup
	$(BIN)/python -m generator handleiding

clean:
	rm -rf .build site site.oud
