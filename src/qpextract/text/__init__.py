"""The text layer: normalization with an offset map, sentences, abbreviations, metadata."""
