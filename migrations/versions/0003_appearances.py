"""Appearances: every outlet, URL and date an article's text was posted under (the first one
copied from each stored article).

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from checker.storage.appearances import fingerprint

    table = op.create_table('appearances',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_appearances_article_id_articles'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appearances')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_appearances_fingerprint'))
    )
    op.create_index(op.f('ix_appearances_article_id'), 'appearances', ['article_id'], unique=False)
    articles = sa.table('articles', sa.column('id', sa.String), sa.column('source', sa.String),
                        sa.column('url', sa.Text), sa.column('published', sa.Date),
                        sa.column('stored_at', sa.DateTime(timezone=True)))
    connection = op.get_bind()
    rows = [dict(article_id=r.id, fingerprint=fingerprint(r.id, r.source, r.url, r.published), source=r.source,
                 url=r.url, published=r.published, stored_at=r.stored_at)
            for r in connection.execute(sa.select(articles).order_by(articles.c.stored_at, articles.c.id))]
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_index(op.f('ix_appearances_article_id'), table_name='appearances')
    op.drop_table('appearances')
