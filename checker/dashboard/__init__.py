"""The reviewers' dashboard: a blueprint of server-rendered pages over the store, mounted at `/`
by checker.api.create_app next to the /api/v1 blueprint."""
from checker.dashboard.views import dashboard

__all__ = ["dashboard"]
