# The README's two set-up commands: `make report` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= report
LANG_  ?= ko

.PHONY: report test lint typecheck pytest fonts clean test-spark

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime install; re-run when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Development install (tests, linters, benchmarks' comparison libraries).
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# CJK fonts so charts and the PDF show Hangul and Hanzi; installed when we may, else a warning.
fonts:
	@scripts/ensure-fonts.sh

report: $(VENV)/.installed fonts
	$(BIN)/sectorlens report --lang $(LANG_) --out $(OUT) --format all

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev fonts
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

# Metrics on PySpark vs DuckDB (the [spark] extra, Java 17); a skip here is a failure.
$(VENV)/.installed-spark: pyproject.toml | $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $@

test-spark: $(VENV)/.installed-spark
	SECTORLENS_REQUIRE_SPARK=1 $(BIN)/python -m pytest -m spark $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache .mypy_cache
