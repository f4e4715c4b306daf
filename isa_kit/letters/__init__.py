"""Outcome letters to referrers and families, in batch, on time, with a register.

The service is :func:`isa_kit.letters.service.make_letters`; beside it: ``decisions`` (read
and validate the rows), ``plan`` (the partnership's letter policy applied to each row),
``deadlines`` (calendar and working time, bank holidays), ``compose`` (a letter's view model,
delivery route and bytes), ``register`` (SQLite, no personal data) and ``timeliness``.
"""
