"""Reports of findings and every output format (text, JSON, SARIF, JUnit, GitHub, Markdown).

:mod:`.model` is the report value; :mod:`.render` renders it in the format a user names.
"""
