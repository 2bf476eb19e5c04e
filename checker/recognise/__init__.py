"""Recognisers: from a sentence's text to mentions, all driven by the compiled rules."""
