"""Audit existing Word and PDF agreements that were never written as data.

Readers (:mod:`.docx`, :mod:`.pdf`) turn an untrusted file into located text under strict
bounds; :mod:`.extract` finds review dates, periods, signature and ICO tables, parties and
email addresses; :mod:`.judge` turns those facts into findings with the same categories,
knowledge base and policy as ``isa-kit check``; :mod:`.service` is the ``audit`` command's
service, :func:`isa_kit.audit_paths`.
"""
