"""Tests for GIA Wegwijzer (pytest). `python -m tests.bench` and `python -m tests.golden` are tools."""
