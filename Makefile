# presstrace — the two commands a newcomer needs are `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
DEMO_DB ?= demo.db
LINT_DIRS := src tests evals fuzz $(wildcard benchmarks)

.PHONY: install dev demo test lint typecheck eval eval-ratchet bench fuzz clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,postgres]'
	touch $(STAMP) $@

install: $(STAMP)

dev: $(DEVSTAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	-$(BIN)/presstrace ingest examples/pages examples/feed.jsonl --db $(DEMO_DB)
	$(BIN)/python -m presstrace.report --db $(DEMO_DB)
	@echo
	@echo "Browse it in a web browser:  $(BIN)/presstrace serve --db $(DEMO_DB)"
	@echo "then open http://127.0.0.1:8000/  (JSON API under /api/, spec at /openapi.json)"

test: $(DEVSTAMP)
	$(BIN)/ruff check $(LINT_DIRS)
	$(BIN)/mypy
	$(BIN)/python -m pytest tests evals

lint: $(DEVSTAMP)
	$(BIN)/ruff check $(LINT_DIRS)
	$(BIN)/ruff format --check $(LINT_DIRS)

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

eval: $(DEVSTAMP)
	$(BIN)/python -m evals

eval-ratchet: $(DEVSTAMP)
	$(BIN)/python -m evals --ratchet

bench: $(DEVSTAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

# Coverage-guided fuzzing of analyze (structure recovery) for a fixed budget; not part of CI.
FUZZ_SECONDS ?= 300
fuzz: $(DEVSTAMP)
	$(BIN)/pip install -q 'atheris>=2.3'
	mkdir -p .fuzz-corpus
	$(BIN)/python fuzz/fuzz_analyze.py -max_total_time=$(FUZZ_SECONDS) -max_len=20000 \
	  -rss_limit_mb=4096 .fuzz-corpus examples/pages
