"""Agreement data: values, safe YAML with positions, the model, the loader, writer and schemas.

:func:`isa_kit.data.loader.load_model` is the one way from a YAML file to a validated model
with located errors; every other layer loads its files through it.
"""
