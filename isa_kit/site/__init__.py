"""The protocol website: the partnership's data as an accessible, searchable static site.

Turning data into pages is plain Python (:mod:`isa_kit.site.generate` writes Markdown and
assets into a folder) so any static site generator can build it; only
:mod:`isa_kit.site.mkdocs_plugin` imports MkDocs, to drive ``mkdocs build``/``serve``.
"""
