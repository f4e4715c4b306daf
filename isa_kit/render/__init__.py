"""Documents from data: the view model, clause library, sandboxed Word templates, packaging,
PDF export through LibreOffice, the ``build`` service and template lint.

The pipeline reads in order: :mod:`.context` (data to a format-neutral view model),
:mod:`.environment` (the sandboxed Jinja environment and compiled templates),
:mod:`.package` (the .docx package), :mod:`.pdf` (tagged PDF), :mod:`.build` (the service).
"""
