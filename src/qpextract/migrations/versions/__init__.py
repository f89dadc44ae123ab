"""One file per schema revision: ``schema1`` (the baseline), ``schema2`` and ``schema2_title``."""
