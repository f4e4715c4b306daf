"""The protocol website (a room reserved in the layout; nothing lives here yet).

The pages made from a partnership's data will be generated here, behind a thin MkDocs
plugin, so that the data-to-pages step does not depend on MkDocs' internals.
"""
