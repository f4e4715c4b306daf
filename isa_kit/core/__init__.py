"""The bottom layer: errors and exit codes, findings, paths, atomic writes, resources.

Everything else may import from here; nothing here imports from any other layer.
"""
