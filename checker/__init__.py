"""Fact-consistency checker: claims from news articles, and where sources contradict."""

__version__ = "0.1.0"
