"""The test suite, a package so that every folder imports the shared helpers as ``tests.*``."""
