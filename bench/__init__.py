"""Benchmarks: run with `make bench`; they read ../shared and print JSON lines plus a Markdown table."""
