"""Find the data the kit ships: the checks' knowledge base and the default Word templates.

In a source checkout they live at the repository root (``checks/``, ``templates/``) where
people edit them; an installed wheel carries copies under ``isa_kit/_resources/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
"""The ``isa_kit`` package folder."""


def resource_dir(name: str) -> Path:
    """The folder of shipped resource ``name`` (``"checks"`` or ``"templates"``)."""
    installed = _PACKAGE / "_resources" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
