# The two commands the README promises; each does all set-up on a fresh Debian machine.
#   make demo   run the main job on the bundled example data
#   make test   lint, type-check, check the architecture and run the test suite
# Everything runs inside the virtual environment scripts/bootstrap.sh makes (.venv), so it
# works with Debian's externally managed python3 as well as any other Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
AS_OF ?= 2026-11-21
export PYTHON VENV

.PHONY: setup demo test test-floors lint bench clean

setup:
	./scripts/bootstrap.sh

demo: setup
	$(BIN)/isa-kit validate agreements/
	$(BIN)/isa-kit check agreements/ --as-of $(AS_OF) --fail-on error --output build/check-report.txt || true
	$(BIN)/isa-kit check agreements/ --as-of $(AS_OF) --format sarif --output build/check-report.sarif || true
	$(BIN)/isa-kit check agreements/demo --as-of $(AS_OF)
	$(BIN)/isa-kit build agreements/demo --pdf --as-of $(AS_OF)
	$(BIN)/isa-kit build agreements/barnet --as-of $(AS_OF)
	$(BIN)/isa-kit site build agreements/demo --as-of $(AS_OF)
	$(BIN)/isa-kit letters examples/decisions.csv --partnership agreements/demo --out build/letters --as-of $(AS_OF) --allow-in-repo; test $$? -le 1
	@echo "demo: documents in build/, compliance report in build/check-report.txt"
	@echo "demo: protocol website in build/site/demo/ (open build/site/demo/index.html)"

lint:
	$(BIN)/ruff check isa_kit tests bench scripts
	$(BIN)/ruff format --check isa_kit tests bench scripts
	$(BIN)/mypy isa_kit
	$(BIN)/lint-imports
	$(BIN)/isa-kit templates lint templates/
	$(BIN)/isa-kit templates lint templates/letters/

# pytest exits 5 when it collected no test: that is a failure here too.
test: setup lint
	$(BIN)/python -m pytest -q
	$(MAKE) test-floors

# The dependency floors are part of security (Jinja2's sandbox fixes, pypdf's reading limits):
# install exactly the lowest versions pyproject.toml admits (constraints/floors.txt) into a
# second venv and run the tests that exercise those libraries.
FLOOR_VENV ?= .venv-floors
FLOOR_TESTS ?= tests/test_floors.py tests/test_loader_errors.py tests/test_audit_hostile.py \
	tests/test_audit_docx.py tests/test_build.py tests/test_check_outputs.py \
	tests/test_hostile_templates.py::test_hostile_expressions_stop_build tests/test_letters.py \
	tests/test_progress.py tests/test_snapshot.py tests/test_chunks.py
test-floors: setup
	$(BIN)/uv venv -q --allow-existing -p $(BIN)/python $(FLOOR_VENV)
	$(BIN)/uv pip install -q --python $(FLOOR_VENV)/bin/python -c constraints/floors.txt -e . \
		"pytest>=8" "hypothesis>=6.100" "jsonschema>=4.20" "cryptography>=44.0.1" \
		docxtpl python-docx
	ISA_KIT_FLOORS=1 $(FLOOR_VENV)/bin/python -m pytest -q -p no:cacheprovider $(FLOOR_TESTS)

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf build dist .venv-floors .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
