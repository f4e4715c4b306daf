# The two commands the README promises; each does all set-up on a fresh Debian machine.
#   make demo   run the main job on the bundled example data
#   make test   lint, type-check and run the test suite
PYTHON ?= python3
AS_OF ?= 2026-11-21

.PHONY: setup demo test lint bench clean

setup:
	./scripts/bootstrap.sh

demo: setup
	isa-kit validate agreements/
	isa-kit check agreements/ --as-of $(AS_OF) --fail-on error --output build/check-report.txt || true
	isa-kit check agreements/ --as-of $(AS_OF) --format sarif --output build/check-report.sarif || true
	isa-kit check agreements/demo --as-of $(AS_OF)
	isa-kit build agreements/demo --pdf --as-of $(AS_OF)
	isa-kit build agreements/barnet --as-of $(AS_OF)
	@echo "demo: documents in build/, compliance report in build/check-report.txt"

lint:
	ruff check isa_kit tests bench
	ruff format --check isa_kit tests
	mypy isa_kit
	isa-kit templates lint templates/

test: setup lint
	$(PYTHON) -m pytest -q

bench: setup
	$(PYTHON) bench/run.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
