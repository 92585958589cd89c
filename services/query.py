# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Running the adapters' larger queries well."""

from odoo.tools import SQL
from odoo.tools.sql import index_exists


def rows_without_jit(env, query, as_dicts=False):
    """The rows of ``query`` (tuples, or dicts if ``as_dicts``), run with
    PostgreSQL's JIT compilation off.

    A query that joins days, schedules, contracts and employees is often
    estimated far above its real size (the planner cannot see through a
    window function over a series of days); past ``jit_above_cost`` the
    server then spends some 100 ms compiling a query that runs in 20 ms
    (measured on the benchmark's 1,000 employees). The setting changes for
    this query only: it is set back afterwards and, should the query fail,
    the savepoint or transaction that fails with it undoes the change."""
    ((previous, _off),) = env.execute_query(
        SQL(
            """
            WITH setting AS MATERIALIZED (SELECT current_setting('jit') AS jit)
            SELECT setting.jit, set_config('jit', 'off', true) FROM setting
            """
        )
    )
    rows = env.execute_query_dict(query) if as_dicts else env.execute_query(query)
    env.execute_query(SQL("SELECT set_config('jit', %s, true)", previous))
    return rows


def create_covering_index(cr, name, table, keys, included, where):
    """Create the index ``name`` on ``table`` unless it exists: by the
    columns ``keys``, carrying the columns ``included`` so that PostgreSQL
    answers the queries that read them from the index alone, over the rows
    matching ``where`` only."""
    if index_exists(cr, name):
        return
    cr.execute(
        SQL(
            "CREATE INDEX %s ON %s (%s) INCLUDE (%s) WHERE %s",
            SQL.identifier(name),
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(key) for key in keys),
            SQL(", ").join(SQL.identifier(column) for column in included),
            SQL(where),
        )
    )
