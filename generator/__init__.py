"""GIA Wegwijzer generator: YAML records → validated catalogue → Markdown → MkDocs site → Pagefind.

load → validate → model/catalog → check → render → write → mkdocs build → pagefind
"""
