"""Hedges as factors of N ("sekitar" -> [0.9N, 1.1N], "at least" -> [N, open)): one function for
counts and lengths of time alike."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hedge:
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    estimate: bool = False


def apply_hedges(low: float | None, high: float | None, before: list[Hedge],
                 after: Hedge | None = None) -> tuple:
    """A figure's bounds (low, high, low_open, high_open) under the hedges written before it
    (several may stack, the nearest first applied: "diperkirakan sekitar") and the one after
    it ("1.000 lebih"). Counts and lengths of time are hedged by this one function: "about 500
    or more" is at least 500 (an estimate's edge is no bound), "about two weeks or more" at
    least two weeks."""
    nominal = (low, high)
    low_open = high_open = False
    estimated = False
    for hedge in before[::-1]:
        if hedge.estimate and estimated:
            continue  # "estimated about 4,645": one approximation told twice, not compounded
        estimated = estimated or hedge.estimate
        low, high, lo, ho = apply_hedge(hedge, low, high)
        low_open, high_open = low_open or lo, high_open or ho
    if after is not None:
        if before and all(h.estimate for h in before) and (after.low is None or after.high is None):
            low, high = nominal
        low, high, lo, ho = apply_hedge(after, low, high)
        low_open, high_open = low_open or lo, high_open or ho
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high, low_open, high_open



def apply_hedge(h: Hedge, low: float | None, high: float | None) -> tuple:
    new_low = None if h.low is None or low is None else tidy(low * h.low)
    new_high = None if h.high is None or high is None else tidy(high * h.high)
    return new_low, new_high, h.low_open, h.high_open



def tidy(x: float) -> float:
    return float(round(x, 6)) if abs(x) < 1e15 else x
