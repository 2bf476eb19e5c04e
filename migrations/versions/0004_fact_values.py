"""A store built for the comparison: claims carry their speaker, stance and value as columns,
the (key, published) index also holds the id (a post reads its candidates' ids from the index
alone), an index finds a fact value's claims, and fact_values keeps one row per distinct (key, speaker, stance, value) with its latest
claim, filled here from the claims already stored.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from checker.storage.codec import fact_columns

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('speaker', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('stance', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('value', sa.String(length=100), nullable=False, server_default=''))
        batch_op.drop_index('ix_claims_key_published')
        batch_op.create_index('ix_claims_key_published_id', ['key', 'published', 'id'], unique=False)
        batch_op.create_index('ix_claims_fact_value', ['key', 'speaker', 'stance', 'value', 'published'], unique=False)
    facts = op.create_table('fact_values',
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('speaker', sa.String(length=100), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=100), nullable=False),
    sa.Column('claim_id', sa.String(length=64), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('key', 'speaker', 'stance', 'value', name=op.f('pk_fact_values'))
    )
    claims = sa.table('claims', sa.column('id', sa.String), sa.column('key', sa.String),
                      sa.column('published', sa.Date), sa.column('data', sa.JSON), sa.column('speaker', sa.String),
                      sa.column('stance', sa.String), sa.column('value', sa.String))
    connection = op.get_bind()
    latest: dict = {}
    rows = connection.execute(sa.select(claims.c.id, claims.c.key, claims.c.published, claims.c.data)
                              .order_by(claims.c.id)).all()
    for claim_id, key, published, data in rows:
        columns = fact_columns(data)
        connection.execute(claims.update().where(claims.c.id == claim_id).values(**columns))
        value = (key, columns["speaker"], columns["stance"], columns["value"])
        if value not in latest or _later(published, claim_id, latest[value]):
            latest[value] = (published, claim_id)
    if latest:
        op.bulk_insert(facts, [dict(key=k, speaker=s, stance=st, value=v, claim_id=c, published=p)
                               for (k, s, st, v), (p, c) in sorted(latest.items())])
    with op.batch_alter_table('claims', schema=None) as batch_op:
        for name in ('speaker', 'stance', 'value'):
            batch_op.alter_column(name, server_default=None)


def _later(published, claim_id, held) -> bool:
    import datetime

    floor = datetime.date.min
    return ((published or floor), claim_id) > ((held[0] or floor), held[1])


def downgrade() -> None:
    op.drop_table('fact_values')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_fact_value')
        batch_op.drop_index('ix_claims_key_published_id')
        batch_op.create_index('ix_claims_key_published', ['key', 'published'], unique=False)
        batch_op.drop_column('value')
        batch_op.drop_column('stance')
        batch_op.drop_column('speaker')
