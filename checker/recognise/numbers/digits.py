"""Figures written in digits under the language's decimal and group marks ("1.234,5", "1,234.5")."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from checker.recognise.numbers.compiled import NumberRules


_SCI = re.compile(r"^(?P<mant>[\d.,]*\d|[.,]\d+)(?:[eE](?P<exp>[+-]?\d+))?$")


def parse_digits(text: str, rules: NumberRules, leaked_grouping: bool = False) -> Decimal | None:
    """A digit string by the language's marks. A mark used more than once, or followed by
    exactly three digits where it cannot be the decimal mark, groups thousands; with both marks
    the last one is the decimal point. `leaked_grouping`: the text reads the other convention
    (Indonesian '13,200 orang'), so a single decimal mark before exactly three digits groups."""
    s = re.sub(r"[ \u00a0\u202f]", "", text)
    m = _SCI.match(s)
    if not m:
        return None
    mant, exp = m.group("mant"), m.group("exp")
    marks = [c for c in mant if c in ".,"]
    int_part, frac = mant, ""
    if marks:
        kinds = set(marks)
        if len(kinds) == 2:
            last = max(mant.rfind("."), mant.rfind(","))
            dec = mant[last]
            if mant.count(dec) > 1:
                return None
            int_part, frac = mant[:last], mant[last + 1:]
            groups = int_part.split("." if dec == "," else ",")
            if not _grouped(groups):
                return None
            int_part = "".join(groups)
        else:
            mark = marks[0]
            pieces = mant.split(mark)
            three = all(len(p) == 3 for p in pieces[1:])
            if len(marks) > 1:
                if not (three and _grouped(pieces)):
                    return None
                int_part = "".join(pieces)
            elif mark == rules.decimal_mark and leaked_grouping and three and _grouped(pieces):
                int_part = "".join(pieces)
            elif mark == rules.decimal_mark:
                int_part, frac = pieces
            elif mark == rules.group_mark and three and _grouped(pieces) and exp is None:
                int_part = "".join(pieces)
            elif not rules.foreign_decimal_point:
                return None
            else:
                int_part, frac = pieces
    try:
        value = Decimal((int_part or "0") + ("." + frac if frac else ""))
        if exp is not None:
            value = value.scaleb(int(exp))
    except (InvalidOperation, ValueError):
        return None
    return value


def _grouped(pieces: list[str]) -> bool:
    return bool(pieces[0]) and len(pieces[0]) <= 3 and all(len(p) == 3 for p in pieces[1:])
