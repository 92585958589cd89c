# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which accounts an indicator reads, and what their journal items add up to.

The ORM side runs one grouped query per period (totals per account); here the
totals are combined per indicator, so the number of queries does not grow
with the number of indicators or journal items.
"""

from dataclasses import dataclass, field

MEASURES = ("balance", "debit", "credit", "quantity")


@dataclass(frozen=True)
class Account:
    id: int
    code: str
    account_type: str
    tag_ids: frozenset = field(default_factory=frozenset)


@dataclass(frozen=True)
class AccountSelector:
    """Accounts of some types, or bearing some tags, or under code prefixes."""

    account_types: frozenset = field(default_factory=frozenset)
    tag_ids: frozenset = field(default_factory=frozenset)
    code_prefixes: tuple = ()

    def __bool__(self):
        return bool(self.account_types or self.tag_ids or self.code_prefixes)

    def matches(self, account):
        return (
            account.account_type in self.account_types
            or bool(account.tag_ids & self.tag_ids)
            or any(account.code.startswith(prefix) for prefix in self.code_prefixes)
        )


def split_list(text):
    """Comma- or space-separated words of a configuration field.

    >>> split_list(" income, income_other  expense ")
    ['income', 'income_other', 'expense']
    """
    return [word for word in (text or "").replace(",", " ").split() if word]


def total(selector, accounts, totals, measure="balance", sign=1):
    """Signed sum of ``measure`` over the selected accounts, and their ids.

    ``totals`` maps an account id to its summed measures for the period. When
    no account matches, the company has not mapped the figure: None, not 0.

    >>> sales = Account(1, "4100", "income")
    >>> cogs = Account(2, "5100", "expense_direct_cost")
    >>> totals = {1: {"balance": -900.0}, 2: {"balance": 300.0}}
    >>> total(AccountSelector(frozenset({"income"})), [sales, cogs], totals, sign=-1)
    (900.0, [1])
    >>> total(AccountSelector(tag_ids=frozenset({9})), [sales, cogs], totals)
    (None, [])
    """
    chosen = [account.id for account in accounts if selector.matches(account)]
    if not chosen:
        return None, []
    amount = sum(totals.get(account_id, {}).get(measure, 0.0) for account_id in chosen)
    return sign * amount, chosen
