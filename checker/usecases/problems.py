"""The one error a use case raises on purpose: a problem with a status, a short title, the
detail a person can act on, and the field it concerns. The API answers it as an RFC 9457
problem document (checker.api.problems), the dashboard as a form message, the CLI as a line."""
from __future__ import annotations


class Problem(Exception):
    """An error the service raises on purpose: status, a short title, the detail, and the
    field it concerns (for 422), answered as a problem document."""

    def __init__(self, status: int, title: str, detail: str, *, field: str | None = None,
                 slug: str | None = None, headers: dict | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.field = status, title, detail, field
        self.slug = slug or title.lower().replace(" ", "-")
        self.headers = headers or {}
