"""Storage of articles, claims and findings: SQLAlchemy 2.0 models, engines (SQLite by default,
PostgreSQL by URL), Alembic migrations and the repository functions the service calls."""
from checker.storage.database import (DEFAULT_DATABASE_URL, database_url, make_engine, migrate, ping,
                                      session_factory)
from checker.storage.repository import (ArticleView, Page, StoreOutcome, article_view, articles_by_id,
                                        candidate_claims, content_id, content_sha256, delete_article,
                                        get_article, list_articles, list_claims, list_findings,
                                        store_analysis)

__all__ = ["DEFAULT_DATABASE_URL", "database_url", "make_engine", "migrate", "ping", "session_factory",
           "ArticleView", "Page", "StoreOutcome", "article_view", "articles_by_id", "candidate_claims",
           "content_id", "content_sha256", "delete_article", "get_article", "list_articles",
           "list_claims", "list_findings", "store_analysis"]
