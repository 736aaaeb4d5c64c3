# The two commands: `make run` and `make test`. The others are described in docs/testing.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# `make run` needs claimset alone (no test extras): its own stamp, satisfied by STAMP's too.
RUN_STAMP := $(VENV)/.installed-run-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# The Label Studio server for `make test-integration`, in a virtual environment of its own: its
# pinned Django stack must not mix with claimset's. Stamped with the pin, so re-runs are quick.
LABEL_STUDIO ?= label-studio==1.23.2
# Its dependencies it leaves unbounded that later broke it: sentry-sdk 3 drops an option Label
# Studio 1.23 passes at start-up (`Unknown option 'send_default_pii'`), so the server never starts.
LS_PINS      ?= sentry-sdk<3
LS_VENV      := .venv-label-studio
LS_STAMP     := $(LS_VENV)/.installed-$(shell echo '$(LABEL_STUDIO) $(LS_PINS)' | cksum | cut -d' ' -f1)

.PHONY: run test test-integration coverage mutation bench evidence-heldout clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

$(RUN_STAMP): $(BIN)/python pyproject.toml
	@# With the test extras already installed for this pyproject.toml, claimset is there too.
	test -f $(STAMP) || $(BIN)/python -m pip install --quiet -e .
	rm -f $(VENV)/.installed-run-*
	touch $(RUN_STAMP)

## make run: create .venv, install claimset (its own dependencies only), run `claimset build`
run: $(RUN_STAMP)
	$(BIN)/claimset build

## make test: ruff, mypy, the schema drift check and the whole pytest suite
test: $(STAMP)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/ruff format --check tools tests benchmarks
	$(BIN)/mypy
	$(BIN)/claimset schema --check
	@# pytest exits 5 when it collected nothing: treat that as a failure, not a pass.
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo 'pytest collected no tests' >&2; exit 1; fi; exit $$rc

## make test-integration: the tests marked `integration`, against a real Label Studio server
test-integration: $(STAMP) $(LS_STAMP)
	@# pytest exits 5 when no test is marked integration: say so and succeed. Any other failure
	@# (a failed test, a collection error) fails the target; -rs prints why a test skipped.
	LABEL_STUDIO_BIN=$(CURDIR)/$(LS_VENV)/bin/label-studio $(BIN)/python -m pytest -m integration -rs; \
	rc=$$?; if [ $$rc -eq 5 ]; then echo 'test-integration: no tests are marked integration'; exit 0; fi; exit $$rc

$(LS_VENV)/bin/python:
	$(PYTHON) -m venv $(LS_VENV)
	$(LS_VENV)/bin/python -m pip install --quiet --upgrade pip

$(LS_STAMP): $(LS_VENV)/bin/python
	$(LS_VENV)/bin/python -m pip install --quiet '$(LABEL_STUDIO)' $(foreach pin,$(LS_PINS),'$(pin)')
	rm -f $(LS_VENV)/.installed-*
	touch $(LS_STAMP)

## make coverage: the whole suite under coverage (subprocesses too), branch coverage per module
# The segmenter's linear-time bounds are left out: tracing makes every line several times slower.
coverage: $(STAMP)
	rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest -q -k 'not pathological_input_is_linear'; rc=$$?; \
	$(BIN)/coverage combine --quiet && $(BIN)/coverage report; exit $$rc

## make mutation MODULE=fmt: mutmut on one module with the tests that guard it (tests/mutation.py)
MODULE ?=
mutation: $(STAMP)
	@if [ -z "$(MODULE)" ]; then $(BIN)/python tests/mutation.py; exit 2; fi
	$(BIN)/python tests/mutation.py $(MODULE) $(MUTANTS)

## make bench: side-by-side benchmarks against the peers; rewrites docs/benchmarks.md
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/bench_split.py
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_draft.py
	$(BIN)/python benchmarks/bench_export.py
	$(BIN)/python benchmarks/bench_agreement.py

## make evidence-heldout: which evidence links the drafter keeps, chosen on held-out figures
evidence-heldout: $(STAMP)
	PYTHONPATH=tools:benchmarks $(BIN)/python benchmarks/evidence_heldout.py
	PYTHONPATH=tools:benchmarks $(BIN)/python benchmarks/evidence_heldout.py --by doc

clean:
	rm -rf $(VENV) $(LS_VENV) dist build .pytest_cache .mypy_cache .ruff_cache .mutation .coverage .coverage.* htmlcov
