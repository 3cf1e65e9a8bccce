# Two promises on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,postgres]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/luoshi demo

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python -m eval.run --set dev
	$(BIN)/python -m eval.run --set heldout
	$(BIN)/python -m eval.links.run
	$(BIN)/python -m eval.tasks.run --set dev
	$(BIN)/python -m eval.tasks.run --set heldout
	$(BIN)/python -m eval.tasks.run --set fresh

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python -m bench.speed

clean:
	rm -rf $(VENV) out build *.egg-info
