"""Validation: the fast path, the converter, integrity across records."""
