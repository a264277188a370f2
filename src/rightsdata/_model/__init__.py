"""The model: field specs, the generated checks, the record classes."""
