"""The ``templates`` services: lint Word templates, and copy the defaults out to edit.

Templates are edited in Word by people outside the kit, so lint is the safety net before
anyone renders them; copying gives a partnership its own editable set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from isa_kit.core.atomic import write_bytes_atomic
from isa_kit.core.errors import OutputError, TemplateError
from isa_kit.core.paths import display_path
from isa_kit.core.resources import resource_dir
from isa_kit.render.lint import LintProblem, lint_file, template_files

__all__ = ["LintResult", "copy_templates", "lint_templates"]


@dataclass
class LintResult:
    files: list[Path]
    problems: list[LintProblem]

    def summary(self) -> str:
        count = len(self.problems)
        noun = "template" if len(self.files) == 1 else "templates"
        return f"{len(self.files)} {noun} checked, {count} problem{'' if count == 1 else 's'}"


def lint_templates(paths: list[Path] | None = None) -> LintResult:
    """Lint the .docx templates ``paths`` name (files or folders; default: the kit's own)."""
    default = resource_dir("templates")
    files = template_files(paths or [default, default / "letters"])
    if not files:
        raise TemplateError("no .docx templates found")
    problems: list[LintProblem] = []
    for path in files:
        problems.extend(lint_file(path, display_path(path)))
    return LintResult(files, problems)


def copy_templates(dest: Path, *, force: bool = False) -> list[Path]:
    """Copy the default templates and clause library into ``dest``; returns what was written.

    Refuses (:class:`OutputError`) to overwrite a file unless ``force``.
    """
    src = resource_dir("templates")
    files = sorted([*src.glob("*.docx"), src / "clauses.yaml"])
    existing = [dest / f.name for f in files if (dest / f.name).exists()]
    if existing and not force:
        raise OutputError(
            f"{display_path(existing[0])} exists: refusing to overwrite it (use --force)"
        )
    written: list[Path] = []
    for f in files:
        write_bytes_atomic(dest / f.name, f.read_bytes())
        written.append(dest / f.name)
    return written
