"""One file per schema revision: ``schema1`` (the baseline) and ``schema2``."""
