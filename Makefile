# GIA Wegwijzer. `make serve` and `make test` do all setup themselves (a .venv with pinned packages,
# Debian's Graphviz for the route drawings and Debian's Chromium for the browser tests). See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PORT   ?= 8000

.PHONY: setup bouwklaar system-deps graphviz chromium java node-tools meetgereedschap check nieuw build serve test lint typecheck unit bench mutate vindbaarheid update-golden handleiding ids clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# Debian packages, installed with apt-get when missing (through sudo when not root, as on CI runners):
# Graphviz's `dot` lays out the route drawings (build), Chromium runs the browser tests (test tools
# cannot download browsers here), Java runs the W3C Nu HTML checker.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

# Everything `make build` needs on a fresh Debian machine; the deploy jobs (GitHub Pages, GitLab Pages)
# call this target, so a system package the build needs is added here and nowhere else.
bouwklaar: setup graphviz

# Everything `make test` needs besides the Python packages.
system-deps: graphviz chromium java node-tools

graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Graphviz installeren (apt-get) voor de schema's van de ketenroutes…"; \
	  $(APT_INSTALL) graphviz >/dev/null; }

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium installeren (apt-get) voor de browsertests…"; \
	  $(APT_INSTALL) chromium >/dev/null; }

# The W3C Nu HTML checker (npm vnu-jar, pinned in package-lock.json) runs on Debian's Java.
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "Java installeren (apt-get) voor de HTML-controle…"; \
	  $(APT_INSTALL) default-jre-headless >/dev/null; }

node-tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Node.js en npm installeren (apt-get) voor de HTML-controle…"; \
	  $(APT_INSTALL) nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

# Lighthouse and linkinator, for `make vindbaarheid` only (a measurement, not a test). `npm install`
# rather than `npm ci`: Lighthouse asks for one of its data packages as "latest".
meetgereedschap: node-tools
	cd tools/meten && npm install --no-audit --no-fund --ignore-scripts --loglevel=error

check: setup
	$(BIN)/python -m generator check

# A new record with every field explained: make nieuw soort=organisatie id=mijn-organisatie
nieuw: setup
	$(BIN)/python -m generator nieuw "$(soort)" "$(id)"

build: bouwklaar
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

# Findability figures of the real site built as the forge would (Lighthouse SEO, sitemap, snippets, links).
vindbaarheid: setup system-deps meetgereedschap
	$(BIN)/python -m tests.vindbaarheid

# Mutation testing (tests/mutation.py), not part of `make test`: the score per module of the fast tests.
# MODULES=kern (default: route, contact and export checks), a list such as "graph export", or alle.
MODULES ?= kern
mutate: setup
	$(BIN)/python -m tests.mutation $(MODULES)

update-golden: setup graphviz
	$(BIN)/python -m tests.golden --update

# content/handleiding/velden.md is generated from schema/ and committed; run this after changing a schema.
handleiding: setup
	$(BIN)/python -m generator handleiding

# .vscode/ids lists the ids of the records, so VS Code completes them; run this after adding or renaming a record.
ids: setup
	$(BIN)/python -m generator ids

clean:
	rm -rf .build site site.oud node_modules tools/meten/node_modules mutants mutants-sjablonen
