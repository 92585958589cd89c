# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The economic value of GRI 201-1, from a chart of accounts classified once.

Every account of the company falls in at most one *bucket* (operating
revenue, other income, wages, depreciation…). The bucket comes, in this order,
from a CSR tag the company put on the account (its own decision), from the
longest code prefix of the company's own rules, from the longest code prefix
of the rules shipped for its chart of accounts, and last from the account's
Odoo type. Account types alone are not enough on real Latin-American charts:
l10n_co types its non-operating income (class 42) ``income`` and its
depreciation (5160) ``expense``, so a prefix rule has to say what they are.

The figures are then plain sums of bucket totals, so the components of the
value distributed always add up to its total.
"""

import unicodedata
from dataclasses import dataclass

# The same account as the plain account sources read.
from .accounting import Account  # noqa: F401 - the ledger reads the same accounts

# Profit-and-loss buckets, and the balance-sheet ones that a figure reads.
PNL_BUCKETS = (
    "revenue",
    "other_income",
    "excluded",
    "wages",
    "training",
    "finance_cost",
    "fx_loss",
    "tax_expense",
    "fines",
    "donation",
    "not_distributed",
    "opex",
)
BALANCE_BUCKETS = ("dividends_payable", "tax_own", "input_vat", "tax_withheld")
BUCKETS = PNL_BUCKETS + BALANCE_BUCKETS

# Where an account no rule speaks of goes, by its Odoo type.
TYPE_BUCKETS = {
    "income": "revenue",
    "income_other": "other_income",
    "expense": "opex",
    "expense_direct_cost": "opex",
    "expense_depreciation": "not_distributed",
}

# The components of GRI 201-1 and the buckets each one adds up (expenses as
# booked, income reversed). Dividends declared are read as credits.
COMPONENTS = {
    "revenue": ("revenue",),
    "generated": ("revenue", "other_income"),
    "opex": ("opex", "training"),
    "wages": ("wages",),
    "capital": ("finance_cost", "dividends_payable"),
    "government": ("tax_expense", "fines"),
    "community": ("donation",),
    "training": ("training",),
}
DISTRIBUTED = ("opex", "wages", "capital", "government", "community")
INCOME_BUCKETS = ("revenue", "other_income")
# Buckets whose absence from the books makes a component unknown, not zero.
REQUIRED = {
    "revenue": ("revenue",),
    "generated": ("revenue",),
    "wages": ("wages",),
    "community": ("donation",),
    "training": ("training",),
    "capital": ("finance_cost",),
    "government": ("tax_expense",),
}


@dataclass(frozen=True)
class Rule:
    """Accounts whose code starts with ``prefix`` belong to ``bucket``; a
    company's own rule outranks every shipped rule of its chart."""

    bucket: str
    prefix: str
    own: bool = False

    @property
    def rank(self):
        return (self.own, len(self.prefix))


def classify(account, rules, tag_buckets):
    """The bucket of one account, or None when no figure reads it.

    >>> rules = [Rule("revenue", "41"), Rule("other_income", "42"),
    ...          Rule("not_distributed", "5160")]
    >>> classify(Account(1, "413505", "income"), rules, {})
    'revenue'
    >>> classify(Account(2, "421005", "income"), rules, {})
    'other_income'
    >>> classify(Account(3, "516005", "expense"), rules, {})
    'not_distributed'
    >>> classify(Account(4, "519595", "expense"), rules, {})
    'opex'
    >>> classify(Account(5, "110505", "asset_cash"), rules, {})

    A company's own rule wins over a longer shipped one, and a CSR tag over both:

    >>> mine = rules + [Rule("wages", "51", own=True)]
    >>> classify(Account(3, "516005", "expense"), mine, {})
    'wages'
    >>> classify(Account(3, "516005", "expense", frozenset({7})), mine, {7: "donation"})
    'donation'
    """
    for tag_id in sorted(account.tag_ids):
        if tag_id in tag_buckets:
            return tag_buckets[tag_id]
    matching = [rule for rule in rules if account.code.startswith(rule.prefix)]
    if matching:
        return max(matching, key=lambda rule: rule.rank).bucket
    return TYPE_BUCKETS.get(account.account_type)


def classify_all(accounts, rules, tag_buckets):
    """{bucket: [account ids]} over a chart of accounts."""
    found = {}
    for account in accounts:
        bucket = classify(account, rules, tag_buckets)
        if bucket:
            found.setdefault(bucket, []).append(account.id)
    return found


def bucket_totals(buckets, flows):
    """{bucket: amount} for the period: P&L buckets as booked (debit −
    credit), dividends declared as credits; a bucket no account falls in is
    absent, so that it reads as unknown rather than zero.

    >>> bucket_totals({"revenue": [1], "dividends_payable": [2]},
    ...               {1: {"balance": -500.0, "credit": 500.0},
    ...                2: {"balance": -80.0, "credit": 100.0}})
    {'revenue': -500.0, 'dividends_payable': 100.0}
    """
    totals = {}
    for bucket, account_ids in buckets.items():
        measure = "credit" if bucket == "dividends_payable" else "balance"
        totals[bucket] = sum(
            flows.get(account_id, {}).get(measure, 0.0) for account_id in account_ids
        )
    return totals


def component(totals, name):
    """One GRI 201-1 component, positive as reported; None when the books hold
    no account of the kind it needs.

    >>> totals = {"revenue": -1000.0, "other_income": -50.0, "opex": 600.0,
    ...           "training": 20.0, "wages": 250.0, "finance_cost": 30.0,
    ...           "dividends_payable": 40.0, "tax_expense": 15.0, "fines": 5.0,
    ...           "donation": 10.0, "not_distributed": 70.0, "fx_loss": 3.0}
    >>> [component(totals, n) for n in ("revenue", "generated", "opex", "capital")]
    [1000.0, 1050.0, 620.0, 70.0]
    >>> component({"opex": 10.0}, "community") is None
    True
    """
    needed = REQUIRED.get(name, ())
    if needed and not any(bucket in totals for bucket in needed):
        return None
    amount = sum(totals.get(bucket, 0.0) for bucket in COMPONENTS[name])
    return -amount if name in ("revenue", "generated") else amount


def distributed(totals):
    """Value distributed: its five components; depreciation, provisions,
    impairments and exchange losses are not paid to anyone.

    >>> distributed({"opex": 600.0, "wages": 250.0, "finance_cost": 30.0,
    ...              "tax_expense": 15.0, "donation": 10.0,
    ...              "not_distributed": 70.0, "fx_loss": 3.0})
    905.0
    >>> distributed({"revenue": -10.0}) is None
    True
    """
    if not any(
        bucket in totals for bucket in PNL_BUCKETS if bucket not in INCOME_BUCKETS
    ):
        return None
    return sum(component(totals, name) or 0.0 for name in DISTRIBUTED)


def net_result(totals):
    """Income less every expense of the period (depreciation and exchange
    losses included); closing and allocation accounts stay out.

    >>> net_result({"revenue": -1000.0, "other_income": -50.0, "opex": 600.0,
    ...             "not_distributed": 70.0, "excluded": 999.0})
    380.0
    """
    if "revenue" not in totals:
        return None
    return -sum(
        amount
        for bucket, amount in totals.items()
        if bucket in PNL_BUCKETS and bucket != "excluded"
    )


def missing_parts(totals):
    """The components of the value distributed that the books cannot tell
    apart (their amounts then stay among operating costs).

    >>> missing_parts({"opex": 10.0, "wages": 5.0})
    ['capital', 'government', 'community']
    """
    return [name for name in DISTRIBUTED if component(totals, name) is None]


ASSET_TYPES = frozenset(
    {
        "asset_receivable",
        "asset_cash",
        "asset_current",
        "asset_non_current",
        "asset_prepayments",
        "asset_fixed",
    }
)
TAX_BUCKETS = ("tax_own", "input_vat", "tax_withheld")


def total_assets(accounts, closings, buckets):
    """Assets at period end: the asset accounts' balances, plus input VAT held
    among liabilities when, netted with the output VAT of the same account
    group, it is a debit. l10n_pe books input and output IGV on one liability
    account (40111) and l10n_co its input VAT on 240810 under 2408: a net debit
    there is a credit against the state, an asset.

    >>> owed = "liability_current"
    >>> accounts = [Account(1, "1011", "asset_cash"), Account(2, "4011100", owed),
    ...             Account(3, "240805", owed), Account(4, "240810", owed)]
    >>> closings = {1: {"balance": 900.0}, 2: {"balance": 18.0},
    ...             3: {"balance": -50.0}, 4: {"balance": 30.0}}
    >>> total_assets(accounts, closings, {"input_vat": [2, 4], "tax_own": [3]})
    918.0
    """
    taxes = {
        account_id for bucket in TAX_BUCKETS for account_id in buckets.get(bucket, ())
    }
    input_vat = set(buckets.get("input_vat", ()))
    liability_taxes = [
        a for a in accounts if a.id in taxes and a.account_type not in ASSET_TYPES
    ]
    groups = {
        a.code[:-2] for a in liability_taxes if a.id in input_vat and len(a.code) > 2
    }
    amount = 0.0
    for account in accounts:
        if account.account_type in ASSET_TYPES:
            amount += closings.get(account.id, {}).get("balance", 0.0)
    for group in groups:
        net = sum(
            closings.get(a.id, {}).get("balance", 0.0)
            for a in liability_taxes
            if a.code.startswith(group)
        )
        amount += max(net, 0.0)
    return amount


# Words in an account's name (any of its translations) that say which bucket
# it belongs in, for the buckets that most charts lack an account of and that
# users then create: a look-alike outside its bucket is worth a warning.
LOOKALIKE_WORDS = {
    "fines": ("multa", "sancion", "penalidad", "penalizacion", "amende", "penalty"),
    "donation": ("donacion", "donativo", "doaco", "doacao", "donation", "mecenazgo"),
    "training": (
        "capacitacion",
        "treinamento",
        "entrenamiento",
        "formation",
        "training",
    ),
    "dividends_payable": ("dividend",),
}


def plain(text):
    """Lower case without accents, for matching words of any language.

    >>> plain("Doação e Sanción")
    'doacao e sancion'
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def lookalike_bucket(name):
    """The bucket an account's name points at, or None.

    >>> lookalike_bucket("Multas y sanciones"), lookalike_bucket("Doações")
    ('fines', 'donation')
    >>> lookalike_bucket('{"es_AR": "Dividendos a pagar"}')
    'dividends_payable'
    >>> lookalike_bucket("Servicios públicos") is None
    True
    """
    text = plain(name)
    for bucket, words in LOOKALIKE_WORDS.items():
        if any(word in text for word in words):
            return bucket
    return None
