# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The worklist of vendor-bill products that look like energy, fuel or water
but feed no CSR figure, because neither they nor their category name an
activity.

Recognition is set-based SQL: product names (every translation) and category
paths are compared with the activities' keywords, both folded to plain
lower-case ASCII words, so "Diésel B10", "DIESEL" and "diesel" all contain
the word "diesel" while "Aguacate" does not contain "agua". Folding is done
with ``translate`` rather than the ``unaccent`` extension, which a database
may not have.
"""

from odoo.tools import SQL

ACCENTED = "ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÇÑÝàáâãäåèéêëìíîïòóôõöùúûüçñýÿ"
PLAIN = "AAAAAAEEEEIIIIOOOOOUUUUCNYaaaaaaeeeeiiiiooooouuuucnyy"
KEYWORD_SEPARATORS = "[,;\n]"


def words(expression):
    """SQL for the text as ' word word ': accents dropped, lower case, any
    run of other characters one space, padded so that ``LIKE '% word %'``
    matches whole words only."""
    return SQL(
        "(' ' || btrim(regexp_replace(lower(translate(%s, %s, %s)), "
        "'[^a-z0-9]+', ' ', 'g')) || ' ')",
        expression,
        ACCENTED,
        PLAIN,
    )


def query():
    """One row per company and product: posted vendor bills and refunds of
    an unmapped product with a recognised name, and the activity to suggest.

    The suggestion prefers a keyword found in the product's own name over
    one in its category, then an activity whose unit fits the product's
    (LPG by the litre or by the kg), then the activity order. The row id is
    the group's first bill line: stable, and unique per company and product.
    """
    return SQL(
        """
        WITH keyword AS MATERIALIZED (
            SELECT activity.id AS activity_id, activity.sequence,
                   unit.category_id AS uom_category_id,
                   %(any)s || %(keyword_words)s || %(any)s AS pattern
              FROM csr_activity activity
              JOIN uom_uom unit ON unit.id = activity.uom_id
             CROSS JOIN LATERAL regexp_split_to_table(
                   activity.keywords, %(separators)s) AS word
             WHERE activity.active
               AND btrim(%(keyword_words)s) != ''
        ),
        purchase AS (
            SELECT MIN(line.id) AS id, line.company_id, line.product_id,
                   COUNT(*) AS line_count,
                   SUM(CASE WHEN line_unit.id IS NULL THEN line.quantity
                            WHEN line_unit.category_id = unit.category_id
                            THEN line.quantity / line_unit.factor * unit.factor
                       END
                       * CASE WHEN move.move_type = 'in_refund' THEN -1 ELSE 1 END
                   ) AS quantity,
                   SUM(line.balance) AS amount,
                   MAX(line.invoice_date) AS last_date
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
              JOIN product_product product ON product.id = line.product_id
              JOIN product_template tmpl ON tmpl.id = product.product_tmpl_id
              JOIN uom_uom unit ON unit.id = tmpl.uom_id
              LEFT JOIN uom_uom line_unit ON line_unit.id = line.product_uom_id
              LEFT JOIN product_category categ ON categ.id = tmpl.categ_id
             WHERE line.parent_state = 'posted'
               AND line.display_type = 'product'
               AND move.move_type IN ('in_invoice', 'in_refund')
               AND tmpl.csr_activity_id IS NULL
               AND categ.csr_activity_id IS NULL
          GROUP BY line.company_id, line.product_id
        )
        SELECT purchase.id, purchase.company_id, purchase.product_id,
               product.product_tmpl_id, tmpl.categ_id, tmpl.uom_id,
               suggestion.activity_id, purchase.line_count, purchase.quantity,
               company.currency_id, purchase.amount, purchase.last_date
          FROM purchase
          JOIN res_company company ON company.id = purchase.company_id
          JOIN product_product product ON product.id = purchase.product_id
          JOIN product_template tmpl ON tmpl.id = product.product_tmpl_id
          JOIN uom_uom unit ON unit.id = tmpl.uom_id
          LEFT JOIN product_category categ ON categ.id = tmpl.categ_id
         CROSS JOIN LATERAL (
               SELECT %(name_words)s AS name, %(category_words)s AS category
               ) text
          JOIN LATERAL (
               SELECT keyword.activity_id
                 FROM keyword
                WHERE text.name LIKE keyword.pattern
                   OR text.category LIKE keyword.pattern
             ORDER BY text.name LIKE keyword.pattern DESC,
                      keyword.uom_category_id = unit.category_id DESC,
                      keyword.sequence, keyword.activity_id
                LIMIT 1
               ) suggestion ON TRUE
        """,
        any="%",
        keyword_words=words(SQL("word")),
        separators=KEYWORD_SEPARATORS,
        name_words=words(
            SQL("(SELECT string_agg(value, ' ') FROM jsonb_each_text(tmpl.name))")
        ),
        category_words=words(SQL("COALESCE(categ.complete_name, '')")),
    )
