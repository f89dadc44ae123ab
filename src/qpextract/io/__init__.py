"""Reading inputs, writing outputs and running batches (the outermost layer)."""
