"""Import existing Word and PDF agreements into draft data, on the audit's readers and
extractors: :func:`isa_kit.importer.service.import_documents` is the service."""
