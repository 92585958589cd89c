# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Economic figures of GRI 201-1 and taxes paid, from the company's chart of
accounts classified by ``engine.ledger``.

One scan of the journal items gives every account's totals; the chart's
shipped rules, the company's own rules and its CSR tags say which account
feeds which figure. Taxes paid are read on the cash side: what bank and cash
movements settled on the tax accounts, never what was booked on them.
"""

from odoo.tools import SQL, format_amount

from ..engine import ledger, months
from .fetchers import (
    account_totals,
    company_accounts,
    monthly_account_totals,
    move_line_domain,
    period_account_totals,
    review_warnings,
)
from .figure import Figure
from .labels import selection_labels

METHODS = ("economic_value", "taxes_paid")

# CSR tags and the bucket they put an account in, by external id.
TAG_BUCKETS = {
    "account_tag_csr_revenue": "revenue",
    "account_tag_csr_other_income": "other_income",
    "account_tag_csr_excluded": "excluded",
    "account_tag_csr_payroll": "wages",
    "account_tag_csr_training": "training",
    "account_tag_csr_fin_cost": "finance_cost",
    "account_tag_csr_not_distributed": "not_distributed",
    "account_tag_csr_tax_expense": "tax_expense",
    "account_tag_csr_fines": "fines",
    "account_tag_csr_donation": "donation",
    "account_tag_csr_dividends": "dividends_payable",
    "account_tag_csr_tax": "tax_own",
    "account_tag_csr_withheld": "tax_withheld",
}


class Books:
    """The company's accounts, each in its bucket, and what the figures built
    on them must say about how they were classified."""

    def __init__(self, env, company):
        self.env = env
        self.company = company
        self.records, self.accounts, self.review = company_accounts(env, company)
        self.tag_buckets = self._tag_buckets()
        self.rules = env["csr.account.rule"]._rules_for(company)
        self.known_chart = bool(self.rules.filtered(lambda r: not r.company_id))
        self.buckets = ledger.classify_all(
            self.accounts,
            [
                ledger.Rule(rule.bucket, prefix, own=bool(rule.company_id))
                for rule in self.rules
                for prefix in rule.prefixes()
            ],
            self.tag_buckets,
        )
        self.bucket_of = {i: b for b, ids in self.buckets.items() for i in ids}
        self.decided = self._decided()
        self._names = {}

    def _tag_buckets(self):
        data = self.env["ir.model.data"].search_read(
            [
                ("module", "=", "csr_management"),
                ("model", "=", "account.account.tag"),
                ("name", "in", list(TAG_BUCKETS)),
            ],
            ["name", "res_id"],
        )
        return {row["res_id"]: TAG_BUCKETS[row["name"]] for row in data}

    def moving(self, flows):
        """Accounts with journal items in the period."""
        return self.records.filtered(
            lambda a: any(flows.get(a.id, {}).get(m) for m in ("debit", "credit"))
        )

    def lookalikes(self, flows):
        """(account, bucket its name points at, bucket it counts in) of the
        accounts with journal items whose name (in any language) says they are
        fines, donations, training or dividends but which count elsewhere:
        typically an account a user created that no rule or tag speaks of."""
        moving = self.moving(flows)
        if not moving:
            return []
        names = self.names(moving.ids)
        found = []
        for account in moving.sorted("code"):
            if account.id in self.decided:
                continue  # tagged, or under a rule of the company's own
            wanted = ledger.lookalike_bucket(names.get(account.id))
            actual = self.bucket_of.get(account.id)
            if wanted and wanted != actual:
                found.append((account, wanted, actual))
        return found

    def names(self, account_ids):
        """{id: name in every language} of the accounts, read once each."""
        missing = tuple(set(account_ids) - set(self._names))
        if missing:
            self._names.update(
                self.env.execute_query(
                    SQL(
                        "SELECT id, name::text FROM account_account WHERE id IN %s",
                        missing,
                    )
                )
            )
        return self._names

    def caveats(self, flows):
        """(account, caveat) of the accounts with journal items that a rule
        with a caveat reads: one account mixing two kinds of cost, say."""
        found = []
        moving = self.moving(flows).filtered(lambda a: a.id not in self.decided)
        for rule in self.rules.filtered(lambda r: r.caveat and not r.company_id):
            for account in moving:
                if self.bucket_of.get(account.id) == rule.bucket and any(
                    (account.code or "").startswith(p) for p in rule.prefixes()
                ):
                    found.append((account, rule.caveat))
        return found

    def _decided(self):
        """Accounts the company itself classified: a CSR tag, or a rule of its
        own. Their look and their chart's caveats no longer need a word."""
        own = [p for rule in self.rules if rule.company_id for p in rule.prefixes()]
        return {
            a.id
            for a in self.accounts
            if a.tag_ids & set(self.tag_buckets)
            or any(a.code.startswith(p) for p in own)
        }

    def ids(self, *buckets):
        return [i for bucket in buckets for i in self.buckets.get(bucket, ())]

    def warnings(self, buckets):
        """Why a figure reading these buckets may be doubtful."""
        _ = self.env._
        found = []
        if not self.known_chart:
            found.append(
                _(
                    "No CSR account rules ship for this chart of accounts "
                    "(%(chart)s): accounts are read by their Odoo type. Check that "
                    "non-operating income is typed Other Income and depreciation "
                    "Depreciation, or add your company's rules (Configuration › "
                    "Account Rules).",
                    chart=self.company.chart_template or _("none"),
                )
            )
        wanted = set(self.ids(*buckets))
        pending = self.review.filtered(
            lambda a: a.id in wanted
            or any(self.tag_buckets.get(t) in buckets for t in a.tag_ids.ids)
        )
        found.extend(review_warnings(self.env, pending))
        return found


# The buckets each figure reads: the components', and the whole books' for
# the totals (what a warning about those buckets concerns).
COMPONENT_BUCKETS = {
    **ledger.COMPONENTS,
    "distributed": ledger.PNL_BUCKETS + ("dividends_payable",),
    "result": ledger.PNL_BUCKETS,
    "total_assets": ledger.TAX_BUCKETS,
}


def _component_value(name, books, totals, closings):
    if name == "distributed":
        return ledger.distributed(totals)
    if name == "result":
        return ledger.net_result(totals)
    if name == "total_assets":
        return ledger.total_assets(books.accounts, closings, books.buckets)
    return ledger.component(totals, name)


def _component_warnings(name, books, totals, doubts):
    """Why one component may be doubtful; ``doubts`` holds the look-alike
    and caveat accounts of the period, read once for all the components."""
    _ = books.env._
    found = books.warnings(COMPONENT_BUCKETS[name])
    lookalikes, caveats, labels = doubts
    read = set(COMPONENT_BUCKETS[name])
    for account, wanted, actual in lookalikes:
        if wanted in read or actual in read:
            found.append(
                _(
                    "%(account)s looks like %(wanted)s but counts as %(actual)s: "
                    "tag it in Account Mapping, or add your company's rule.",
                    account=account.display_name,
                    wanted=labels[wanted].lower(),
                    actual=labels[actual].lower() if actual else _("nothing"),
                )
            )
    for account, caveat in caveats:
        if books.bucket_of.get(account.id) in read:
            found.append(f"{account.display_name}: {caveat}")
    missing = ledger.missing_parts(totals)
    if name in ("distributed", "opex") and missing:
        labels = selection_labels(books.env["csr.indicator.source"], "ledger_component")
        found.append(
            _(
                "No account of the books holds %(parts)s: those amounts, if any, "
                "stay among operating costs. Tag the accounts in Account Mapping.",
                parts=", ".join(labels[part] for part in missing),
            )
        )
    elif name in ledger.REQUIRED and ledger.component(totals, name) is None:
        found.append(
            _(
                "No account of the books is recognised for this figure: tag it in "
                "Configuration › Account Mapping, or add your company's rule."
            )
        )
    return found


def fetch_economic_value(env, period, sources):
    company = period.company_id
    with_closing = any(s.ledger_component == "total_assets" for s in sources)
    totals = account_totals(env, company, period, with_closing)
    return _economic_figures(env, period, sources, Books(env, company), totals)


def fetch_economic_value_for_periods(env, company, periods, sources):
    """``fetch_economic_value`` of several periods from one scan."""
    with_closing = any(s.ledger_component == "total_assets" for s in sources)
    monthly = monthly_account_totals(env, company, periods, with_closing)
    books = Books(env, company)
    by_period = {period: period_account_totals(monthly, period) for period in periods}
    books.names(  # the look-alikes' names of every period, in one query
        {
            account.id
            for totals in by_period.values()
            for account in books.moving(totals["account"])
        }
    )
    return {
        period: _economic_figures(env, period, sources, books, by_period[period])
        for period in periods
    }


def _economic_figures(env, period, sources, books, totals_by_account):
    company = period.company_id
    flows, closings = totals_by_account["account"], totals_by_account["account_closing"]
    totals = ledger.bucket_totals(books.buckets, flows)
    labels = selection_labels(env["csr.account.rule"], "bucket")
    doubts = (books.lookalikes(flows), books.caveats(flows), labels)
    figures = {}
    for source in sources:
        name = source.ledger_component
        value = _component_value(name, books, totals, closings)
        closing = name == "total_assets"
        domain = move_line_domain(
            company, period.date_to, None if closing else period.date_from
        )
        chosen = (
            [a.id for a in books.accounts if a.account_type in ledger.ASSET_TYPES]
            + books.ids(*ledger.TAX_BUCKETS)
            if closing
            else books.ids(*COMPONENT_BUCKETS[name])
        )
        figures[source] = Figure(
            value,
            "account.move.line",
            domain + [("account_id", "in", sorted(chosen))],
            warnings=tuple(_component_warnings(name, books, totals, doubts)),
        )
    return figures


fetch_economic_value.for_periods = fetch_economic_value_for_periods


def _cash_move_sql():
    """A journal entry that moved money: in a bank or cash journal, made by a
    payment or a bank statement line, or touching a bank or cash account."""
    return SQL(
        """
        (journal.type IN ('bank', 'cash')
         OR move.origin_payment_id IS NOT NULL
         OR move.statement_line_id IS NOT NULL
         OR EXISTS (SELECT 1
                      FROM account_move_line cash
                      JOIN account_account cash_account
                        ON cash_account.id = cash.account_id
                     WHERE cash.move_id = move.id
                       AND cash_account.account_type = 'asset_cash'))
        """
    )


def _paid_by_month(env, company, periods, account_ids, authority_payables=False):
    """{month: [(account id, amount, journal item ids)]} of the cash movements
    on the accounts over the months of the periods: one query."""
    if not account_ids:
        return {}
    first, last = months.span(periods)
    partner_filter = (
        SQL("AND partner.csr_tax_authority") if authority_payables else SQL("")
    )
    rows = env.execute_query(
        SQL(
            """
            SELECT date_trunc('month', line.date)::date, line.account_id,
                   SUM(line.debit - line.credit), ARRAY_AGG(line.id)
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
              JOIN account_journal journal ON journal.id = move.journal_id
              LEFT JOIN res_partner partner ON partner.id = line.partner_id
             WHERE line.company_id = %(company)s
               AND line.parent_state = 'posted'
               AND line.date BETWEEN %(date_from)s AND %(date_to)s
               AND line.account_id IN %(accounts)s
               -- a tax computed on a sale or purchase paid in cash (a receipt
               -- booked on the bank) is paid to the supplier, not the state
               AND line.tax_repartition_line_id IS NULL
               %(partner_filter)s
               AND %(cash)s
          GROUP BY 1, 2
            """,
            company=company.id,
            date_from=first,
            date_to=last,
            accounts=tuple(account_ids),
            partner_filter=partner_filter,
            cash=_cash_move_sql(),
        )
    )
    by_month = {}
    for month, account_id, amount, ids in rows:
        by_month.setdefault(month, []).append((account_id, amount, ids))
    return by_month


def _paid_in(by_month, period):
    """The period's share of ``_paid_by_month``: amounts and journal items."""
    sums, line_ids = {}, []
    for rows in months.in_period(by_month, period.date_from, period.date_to):
        for account_id, amount, ids in rows:
            sums.setdefault(account_id, []).append(amount)
            line_ids.extend(ids)
    amounts = {
        account_id: float(months.decimal_sum(parts))
        for account_id, parts in sums.items()
    }
    return amounts, line_ids


def _by_account_note(env, company, amounts):
    accounts = env["account.account"].with_company(company).browse(list(amounts))
    currency = company.currency_id
    return "; ".join(
        f"{account.display_name}: {format_amount(env, amounts[account.id], currency)}"
        for account in accounts.sorted("code")
        if amounts[account.id]
    )


def fetch_taxes_paid(env, period, sources):
    """Cash paid in the period settling the company's own taxes and
    contributions: the debits of bank and cash entries on the tax accounts,
    and payments to suppliers marked as tax authorities. Input VAT on a bill,
    VAT of a credit note and settlement offsets are not money paid, and taxes
    withheld from others are remitted as an agent: the note states them apart.
    """
    return fetch_taxes_paid_for_periods(env, period.company_id, period, sources)[period]


def fetch_taxes_paid_for_periods(env, company, periods, sources):
    """``fetch_taxes_paid`` of several periods: three queries in all."""
    env.flush_all()
    books = Books(env, company)
    own_ids = books.ids("tax_own", "input_vat")
    payable_ids = [
        a.id for a in books.accounts if a.account_type == "liability_payable"
    ]
    own = _paid_by_month(env, company, periods, own_ids)
    authority = _paid_by_month(env, company, periods, payable_ids, True)
    withheld = _paid_by_month(env, company, periods, books.ids("tax_withheld"))
    has_authority = bool(
        env["res.partner"].search_count([("csr_tax_authority", "=", True)], limit=1)
    )
    return {
        period: _taxes_paid_figures(
            env,
            period,
            sources,
            books,
            (
                _paid_in(own, period),
                _paid_in(authority, period),
                _paid_in(withheld, period),
            ),
            (bool(own_ids), has_authority),
        )
        for period in periods
    }


def _taxes_paid_figures(env, period, sources, books, paid, known):
    _ = env._
    company = period.company_id
    (own, own_lines), (authority, authority_lines), (withheld, _lines) = paid
    has_own_accounts, has_authority = known
    warnings = books.warnings(("tax_own", "input_vat", "tax_withheld"))
    if not has_own_accounts and not has_authority:
        warnings.append(
            _(
                "No tax or contribution account is recognised: tag your tax "
                'payable accounts "CSR: taxes and contributions paid" in Account '
                "Mapping, or mark the tax authorities on their contacts."
            )
        )
        value = None
    else:
        value = sum(own.values()) + sum(authority.values())
    notes = []
    if own:
        notes.append(
            _(
                "Paid on tax accounts: %(detail)s.",
                detail=_by_account_note(env, company, own),
            )
        )
    if authority:
        notes.append(
            _(
                "Paid to tax authorities: %(amount)s.",
                amount=format_amount(env, sum(authority.values()), company.currency_id),
            )
        )
    if any(withheld.values()):
        notes.append(
            _(
                "Not counted, withholdings remitted for suppliers or employees: "
                "%(detail)s.",
                detail=_by_account_note(env, company, withheld),
            )
        )
    domain = [("id", "in", sorted(own_lines + authority_lines))]
    return {
        source: Figure(
            value,
            "account.move.line",
            domain,
            "\n".join(notes),
            warnings=tuple(warnings),
        )
        for source in sources
    }


fetch_taxes_paid.for_periods = fetch_taxes_paid_for_periods
