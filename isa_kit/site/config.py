"""The MkDocs configuration of a protocol site, as plain data (the repository's ``mkdocs.yml``
says the same). Kept to what Material and Zensical both understand."""

from __future__ import annotations

from typing import Any

THEME: dict[str, Any] = {
    "name": "material",
    "language": "en",
    # No web fonts: system fonts, so no request leaves the site's folder.
    "font": False,
    "features": ["navigation.sections", "navigation.top", "search.highlight"],
    "palette": {"scheme": "default", "primary": "indigo", "accent": "indigo"},
}
MARKDOWN_EXTENSIONS: list[Any] = [
    "tables",
    "attr_list",
    "admonition",
    {"toc": {"permalink": True}},
]
# Broken internal links and anchors are warnings, which --strict turns into a failed build.
VALIDATION: dict[str, Any] = {
    "links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"},
    "nav": {"not_found": "warn"},
}


def site_config(
    *,
    name: str,
    docs_dir: str,
    site_dir: str,
    partnership: str,
    as_of: str,
    documents: str | None,
) -> dict[str, Any]:
    """A complete ``mkdocs.yml`` for the site of ``partnership`` (absolute paths)."""
    plugin: dict[str, Any] = {"partnership": partnership, "as_of": as_of}
    if documents:
        plugin["documents"] = documents
    return {
        "site_name": name,
        "docs_dir": docs_dir,
        "site_dir": site_dir,
        # Pages link to index.html files, so the folder works from a file share or intranet.
        "use_directory_urls": False,
        "strict": True,
        "theme": THEME,
        "extra": {"generator": False},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "validation": VALIDATION,
        "plugins": ["search", {"isa-kit": plugin}],
    }
