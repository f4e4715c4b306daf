"""The ``isa-kit`` command line: one module per command, and one boundary (:mod:`.main`).

A command module has ``HELP``, ``configure(parser)`` and ``run(args) -> int``: it parses its
arguments and calls one service (exported from :mod:`isa_kit`), importing it inside ``run``
so that starting the CLI never pays for pydantic, docxtpl or pypdf.
"""
