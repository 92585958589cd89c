# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One fetcher per source method. Each reads ERP records of one company and
period with a fixed number of grouped queries, whatever the data volume, and
returns {source: Figure}. Reads run as superuser but always filter on the
period's company explicitly."""

from dataclasses import dataclass

from odoo.tools import SQL

from ..engine import accounting


@dataclass
class Figure:
    """A raw figure and the records it was computed from (for drill-down),
    with how it was obtained (factors used) when that needs saying, and
    whether it is an estimate (a proxy) rather than a measurement."""

    value: float | None
    model: str
    domain: list
    note: str = ""
    fallback: bool = False
    estimated: bool = False
    factor_ids: tuple = ()
    # Why the figure may be doubtful, each with how to fix it.
    warnings: tuple = ()
    # The warnings concern the note only (the FTE beside a headcount), not the
    # value: figures worked out from this one do not inherit them.
    warnings_on_note: bool = False
    # Greenhouse-gas inventory lines (engine.emissions.EmissionLine) the
    # figure is the sum of: stored for the breakdown by scope, gas and month.
    emission_lines: tuple = ()


def move_line_domain(company, date_to, date_from=None):
    domain = [
        ("company_id", "=", company.id),
        ("parent_state", "=", "posted"),
        ("date", "<=", date_to),
    ]
    if date_from:
        domain.append(("date", ">=", date_from))
    return domain


def company_accounts(env, company):
    """The company's accounts (records), as the engine reads them, and those
    whose CSR tags were copied from a neighbour at creation: their tags wait
    for a review and are not read."""
    records = (
        env["account.account"]
        .with_company(company)
        .search([("company_ids", "parent_of", company.id)])  # branches share
    )
    review = records.filtered("csr_tags_to_review")
    accounts = [
        accounting.Account(
            a.id,
            a.code or "",
            a.account_type,
            frozenset() if a in review else frozenset(a.tag_ids.ids),
        )
        for a in records
    ]
    return records, accounts, review


def review_warnings(env, pending):
    """Why accounts under review are left out of a figure, if any are."""
    if not pending:
        return ()
    return (
        env._(
            "Accounts %(accounts)s took CSR tags from a neighbouring account when "
            "they were created; those tags are not used until you confirm them "
            "(Configuration › Accounts to Review).",
            accounts=", ".join(pending.mapped("display_name")),
        ),
    )


def account_totals(env, company, period, with_closing):
    """Per account: summed measures over the period and, when asked, the
    balance-sheet measures up to its end. One scan of the journal items:
    the period's sums are filtered aggregates of the same query."""
    env.flush_all()
    in_period = SQL("line.date >= %s", period.date_from)
    flows = SQL(", ").join(
        SQL("SUM(line.%s) FILTER (WHERE %s)", SQL.identifier(measure), in_period)
        for measure in accounting.MEASURES
    )
    closings = SQL(", ").join(
        SQL("SUM(line.%s)", SQL.identifier(measure)) for measure in accounting.MEASURES
    )
    rows = env.execute_query(
        SQL(
            """
            SELECT line.account_id, %(flows)s, %(closings)s
              FROM account_move_line line
             WHERE line.company_id = %(company)s
               AND line.parent_state = 'posted'
               AND line.date <= %(date_to)s
               AND %(since)s
          GROUP BY line.account_id
            """,
            flows=flows,
            closings=closings,
            company=company.id,
            date_to=period.date_to,
            since=SQL("TRUE") if with_closing else in_period,
        )
    )
    width = len(accounting.MEASURES)
    flow, closing = {}, {}
    for account_id, *sums in rows:
        sums = [float(value or 0.0) for value in sums]
        flow[account_id] = dict(zip(accounting.MEASURES, sums[:width], strict=True))
        closing[account_id] = dict(zip(accounting.MEASURES, sums[width:], strict=True))
    return {"account": flow, "account_closing": closing}


def fetch_accounts(env, period, sources):
    """Journal-item sums per account, for the period and up to its end."""
    company = period.company_id
    _records, accounts, review = company_accounts(env, company)
    with_closing = any(s.method == "account_closing" for s in sources)
    totals = account_totals(env, company, period, with_closing)
    figures = {}
    for source in sources:
        since = period.date_from if source.method == "account" else None
        domain = move_line_domain(company, period.date_to, since)
        value, chosen = accounting.total(
            source.selector(),
            accounts,
            totals[source.method],
            source.measure,
            int(source.sign),
        )
        figures[source] = Figure(
            value,
            "account.move.line",
            domain + [("account_id", "in", chosen)],
            warnings=review_warnings(
                env, review.filtered(lambda a, s=source: a.tag_ids & s.account_tag_ids)
            ),
        )
    return figures


def fetch_local_supplier_share(env, period, sources):
    """Vendor bills (net of refunds) from suppliers in the company's country,
    over those from suppliers whose country is known. A supplier without a
    country is neither local nor foreign: it is left out and named."""
    company = period.company_id
    domain = [
        ("company_id", "=", company.id),
        ("move_type", "in", ("in_invoice", "in_refund")),
        ("state", "=", "posted"),
        ("invoice_date", ">=", period.date_from),
        ("invoice_date", "<=", period.date_to),
    ]
    groups = env["account.move"]._read_group(
        domain, ["commercial_partner_id"], ["amount_untaxed_signed:sum"]
    )
    unknown = [(p, amount) for p, amount in groups if not p.country_id]
    known = [(p, amount) for p, amount in groups if p.country_id]
    total = sum(amount for _partner, amount in known)
    local = sum(
        amount for partner, amount in known if partner.country_id == company.country_id
    )
    value = local / total * 100.0 if total else None
    warnings = ()
    if unknown:
        everything = total + sum(amount for _p, amount in unknown)
        share = abs(everything - total) / abs(everything) * 100.0 if everything else 100
        # Formatted before the call: the term extraction cannot read f-strings.
        share_text = f"{share:.1f} %"
        names = ", ".join(sorted(p.display_name for p, _a in unknown))
        warnings = (
            env._(
                "%(share)s of the spend is from suppliers without a country, "
                "left out of the share: %(names)s. Fill in their country.",
                share=share_text,
                names=names,
            ),
        )
    return {
        source: Figure(value, "account.move", domain, warnings=warnings)
        for source in sources
    }


def fetch_supplier_payment_days(env, period, sources):
    """Amount-weighted days from bill date to full payment, for the vendor
    bills whose last payment falls in the period. Only payments and bank
    statement lines count: a credit note settles a bill without paying it."""
    company = period.company_id
    env.flush_all()
    rows = env.execute_query(
        SQL(
            """
            SELECT SUM(paid.amount * paid.days) / NULLIF(SUM(paid.amount), 0),
                   ARRAY_AGG(paid.move_id)
              FROM (
                    SELECT line.move_id,
                           ABS(line.balance) AS amount,
                           MAX(partial.max_date) - move.invoice_date AS days
                      FROM account_move_line line
                      JOIN account_move move ON move.id = line.move_id
                      JOIN account_account account ON account.id = line.account_id
                      JOIN account_partial_reconcile partial
                        ON partial.credit_move_id = line.id
                      JOIN account_move_line paying
                        ON paying.id = partial.debit_move_id
                       AND (paying.payment_id IS NOT NULL
                            OR paying.statement_line_id IS NOT NULL)
                     WHERE move.company_id = %(company)s
                       AND move.move_type = 'in_invoice'
                       AND move.state = 'posted'
                       AND account.account_type = 'liability_payable'
                       AND line.reconciled
                  GROUP BY line.id, line.move_id, move.invoice_date
                    HAVING MAX(partial.max_date) BETWEEN %(date_from)s AND %(date_to)s
                   ) paid
            """,
            company=company.id,
            date_from=period.date_from,
            date_to=period.date_to,
        )
    )
    average, move_ids = rows[0] if rows else (None, None)
    value = float(average) if average is not None else None
    domain = [("id", "in", sorted(set(move_ids or [])))]
    return {source: Figure(value, "account.move", domain) for source in sources}


FETCHERS = {
    "account": fetch_accounts,
    "account_closing": fetch_accounts,
    "local_supplier_share": fetch_local_supplier_share,
    "supplier_payment_days": fetch_supplier_payment_days,
}


def _register_late_fetchers():
    # Imported late: these modules import Figure from this one.
    from . import environment, inventory, leaves, ledger, policies, scope3, workforce

    for method in workforce.METHODS:
        FETCHERS[method] = workforce.fetch_workforce
    for method in leaves.METHODS:
        FETCHERS[method] = leaves.fetch_leaves
    for method in environment.METHODS:
        FETCHERS[method] = environment.fetch_environment
    FETCHERS["economic_value"] = ledger.fetch_economic_value
    FETCHERS["taxes_paid"] = ledger.fetch_taxes_paid
    FETCHERS.update(inventory.FETCHERS)
    FETCHERS.update(policies.FETCHERS)
    FETCHERS.update(scope3.FETCHERS)


_register_late_fetchers()
