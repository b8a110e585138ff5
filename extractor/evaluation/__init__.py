"""Evaluation: gold loading, pure scoring functions, and the quality gate."""
