"""The core: the Markdown layer and Document, entries, registry, fixer, suppressions, imports."""
