"""Rule tests: the Markdown fixtures of every rule (test_rules.py) and per-rule details."""
