"""Generate the default Word templates: ``python scripts/make_templates.py [OUT_DIR]``.

Writes isa.docx, mou.docx, protocol.docx, guidance.docx and signature-pack.docx into
templates/ (or into the folder given as the first argument), and the outcome letters
(template_letters.py) into its letters/ folder. The script lives outside
templates/ because that folder ships in the wheel; the placeholders are described in
docs/templates.md. The wording is the kit's own,
written against current law and guidance (UK GDPR and the Data Protection Act 2018, Working
Together to Safeguard Children 2023, Information sharing advice 2024, the eight Caldicott
principles of 2020); the section structure follows the ICO Data Sharing Code (ISA), the
Staffordshire MOU, the Barnet and Northamptonshire protocols and the Herefordshire guidance.

This module is only the entry point. Each document kind is built in its own module
(template_isa.py, template_mou.py, template_protocol.py, template_guidance.py,
template_signature_pack.py) from the shared blocks in template_common.py and the
accessible-Word helpers in template_builder.py; they import each other as plain modules
because this script puts its own folder on ``sys.path``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from template_builder import Builder  # noqa: E402
from template_guidance import guidance  # noqa: E402
from template_isa import isa  # noqa: E402
from template_letters import letters  # noqa: E402
from template_mou import mou  # noqa: E402
from template_protocol import protocol  # noqa: E402
from template_signature_pack import signature_pack  # noqa: E402

HERE = Path(__file__).resolve().parents[1] / "templates"
"""Where the templates ship from (``templates/`` at the repository root, in the wheel)."""

KINDS: tuple[tuple[str, Callable[[], Builder]], ...] = (
    ("isa", isa),
    ("mou", mou),
    ("protocol", protocol),
    ("guidance", guidance),
    ("signature-pack", signature_pack),
)
"""Each template's file name (without ``.docx``) and the function that builds it, in order."""


def main(argv: list[str]) -> None:
    """Write every template into ``argv[1]`` if given, otherwise into templates/."""
    out = Path(argv[1]) if len(argv) > 1 else HERE
    for name, build in KINDS:
        target = out / f"{name}.docx"
        build().save(target)
        print(f"wrote {target}")
    (out / "letters").mkdir(parents=True, exist_ok=True)
    for name, builder in letters():
        target = out / "letters" / f"{name}.docx"
        builder.save(target)
        print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv)
