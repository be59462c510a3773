"""The XanoScript language server (``xs lsp``): diagnostics, completion, hover, symbols
and go-to-definition for editors and JupyterLab (through jupyter-lsp).

``chunks`` splits a document into top-level items; ``analysis`` parses and checks each
item once and caches it by its text; ``features`` answers requests over plain text and
positions; ``server`` is the pygls wiring and the only module that imports pygls.
"""
