"""Units of time through pint: one registry for the whole process.

pint's registry is slow to build (a good part of the CLI's cold start), so it is built once, on
the first duration met, and every engine that converts units (the duration recogniser, the
reports' wording, the benchmarks) asks this module.
"""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def unit_registry():
    """The process's one pint registry."""
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=None)
def seconds_per(unit: str) -> float:
    """Seconds in one `unit` (no unit: seconds); months and years are pint's (Julian year / 12)."""
    return float(unit_registry().Quantity(1, unit).to("second").magnitude) if unit else 1.0
