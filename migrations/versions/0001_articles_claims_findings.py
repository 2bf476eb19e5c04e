"""The first schema: articles, their claims (indexed by comparison key and date) and findings.

Revision ID: 0001
Revises: 
Create Date: 2026-12-02 13:01:17.697842
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('claim_count', sa.Integer(), nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('content_sha256', name=op.f('uq_articles_content_sha256'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_source'), ['source'], unique=False)

    op.create_table('findings',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('dimension', sa.String(length=16), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_findings_dimension'), ['dimension'], unique=False)
        batch_op.create_index(batch_op.f('ix_findings_severity'), ['severity'], unique=False)
        batch_op.create_index(batch_op.f('ix_findings_type'), ['type'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('subject', sa.String(length=100), nullable=True),
    sa.Column('measure', sa.String(length=100), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_claims_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_claims_key_published', ['key', 'published'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_measure'), ['measure'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_subject'), ['subject'], unique=False)

    op.create_table('finding_articles',
    sa.Column('finding_id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_finding_articles_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_finding_articles_finding_id_findings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('finding_id', 'article_id', name=op.f('pk_finding_articles'))
    )
    with op.batch_alter_table('finding_articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_articles_article_id'), ['article_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('finding_articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_articles_article_id'))

    op.drop_table('finding_articles')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_subject'))
        batch_op.drop_index(batch_op.f('ix_claims_measure'))
        batch_op.drop_index(batch_op.f('ix_claims_kind'))
        batch_op.drop_index('ix_claims_key_published')
        batch_op.drop_index(batch_op.f('ix_claims_article_id'))

    op.drop_table('claims')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_findings_type'))
        batch_op.drop_index(batch_op.f('ix_findings_severity'))
        batch_op.drop_index(batch_op.f('ix_findings_dimension'))

    op.drop_table('findings')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_source'))
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_language'))

    op.drop_table('articles')
