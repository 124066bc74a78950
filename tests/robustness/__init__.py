"""Robustness: property tests, fuzzers, hostile input and misbehaving servers."""
