"""Training code for the shipped Dutch pipeline (see models/README.md)."""
