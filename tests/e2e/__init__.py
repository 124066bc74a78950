"""End to end: the CLI, the GitHub Action, pre-commit, the README, real and bundled lists."""
