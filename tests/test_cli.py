"""The command line a newcomer meets: --version, --help, schema, and a quick start-up."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import yaml
from conftest import ROOT, run_cli

from isa_kit import __version__


def test_version_and_module_entry_point() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"isa-kit {__version__}"


def test_help_lists_every_command_with_examples() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("validate", "schema", "build", "check", "audit", "templates"):
        assert command in result.stdout
    assert "exit codes: 0 success, 1 findings" in result.stdout
    validate_help = run_cli("validate", "--help").stdout
    assert "file:line:column: field.path: what was expected" in validate_help


def test_no_command_prints_help_and_exits_2() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "usage: isa-kit" in result.stdout


def test_version_does_not_import_pydantic_or_heavy_libraries() -> None:
    import subprocess

    code = (
        "import sys, runpy; sys.argv=['isa-kit','--version']\n"
        "try:\n runpy.run_module('isa_kit', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "heavy=[m for m in ('pydantic','docxtpl','docx','pypdf','mkdocs','lxml','rich','shtab') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr


def test_schema_writes_valid_json_schemas_that_accept_the_examples(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    schemas = {p.stem.split(".")[0]: json.loads(p.read_text()) for p in tmp_path.glob("*.json")}
    assert set(schemas) == {"partnership", "organisations", "document", "letters"}
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)

    def as_editor_sees(path: Path) -> object:
        # Editors read YAML 1.2, where 2016-06-10 is text, not a timestamp.
        return json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))

    examples = sorted((ROOT / "agreements").glob("*/documents/*.yaml"))
    assert examples, "expected example documents in agreements/"
    for path in examples:
        jsonschema.validate(as_editor_sees(path), schemas["document"])
    for path in sorted((ROOT / "agreements").glob("*/organisations.yaml")):
        jsonschema.validate(as_editor_sees(path), schemas["organisations"])
    for path in sorted((ROOT / "agreements").glob("*/partnership.yaml")):
        jsonschema.validate(as_editor_sees(path), schemas["partnership"])
    for path in sorted((ROOT / "agreements").glob("*/letters.yaml")):
        jsonschema.validate(as_editor_sees(path), schemas["letters"])
    bad = {
        "organisations": [
            {
                "id": "x",
                "name": "X",
                "type": "police",
                "public_authority": True,
                "ico_registraton": "Z1",
            }
        ]
    }
    validator = jsonschema.Draft202012Validator(schemas["organisations"])
    assert any("ico_registraton" in e.message for e in validator.iter_errors(bad))


def test_schema_print_one_kind() -> None:
    result = run_cli("schema", "--print", "document")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "signatories" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_validate_shell_glob_over_agreements() -> None:
    """`isa-kit validate agreements/*` also expands to agreements/README.md: passed over."""
    paths = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "agreements").iterdir())
    assert "agreements/README.md" in paths
    result = run_cli("validate", *paths)
    assert result.returncode == 0, result.stderr
    for name in ("barnet", "demo", "herefordshire", "northamptonshire", "staffordshire"):
        assert f"agreements/{name}: valid (" in result.stdout


def test_committed_schemas_are_current() -> None:
    """The example YAML points editors at schemas/; they must match the model."""
    from isa_kit.data.schema import KINDS, schema_for

    for kind in KINDS:
        committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text())
        assert committed == schema_for(kind), f"run 'isa-kit schema' to refresh {kind}"
