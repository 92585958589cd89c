# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Formulas over indicator codes: parsing, safe evaluation and ordering.

A formula is plain arithmetic over other indicators written in brackets,
e.g. ``([ENV-05] + [ENV-06]) / [ECO-01] * 1000000``. Only numbers, the four
operations, unary signs and parentheses are allowed: nothing is ``eval``-ed.

A reference reads the same period unless qualified: ``[ENV-05@base]`` reads
the matching period of the company's base year (same kind, same months), for
reductions measured against a baseline.

A formula is bounded, so that no formula accepted on save can exhaust the
server when it is computed: at most :data:`MAX_LENGTH` characters,
:data:`MAX_TERMS` numbers and references, :data:`MAX_NESTING` levels of
nested operations (brackets, signs, a product inside a sum...) and numbers of
at most :data:`MAX_DIGITS` digits and :data:`MAX_NUMBER` in size.
"""

import ast
import functools
import math
import operator
import re

REFERENCE = re.compile(r"\[([A-Za-z0-9_.\-]+(?:@[a-z]+)?)\]")
QUALIFIERS = ("base",)
_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_SIGNS = {ast.UAdd: operator.pos, ast.USub: operator.neg}
# Precedence level of each operator: ``a + b - c`` or ``a * b / c`` read left
# to right at one level; anything else nested inside counts one level deeper.
_LEVELS = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2}

MAX_LENGTH = 2000
MAX_TERMS = 100
MAX_NESTING = 50
MAX_DIGITS = 30
MAX_NUMBER = 1e15
# What a limit is about, in FormulaTooLarge.what.
LENGTH, TERMS, NESTING, DIGITS, NUMBER = (
    "length",
    "terms",
    "nesting",
    "digits",
    "number",
)
LIMITS = {
    LENGTH: MAX_LENGTH,
    TERMS: MAX_TERMS,
    NESTING: MAX_NESTING,
    DIGITS: MAX_DIGITS,
    NUMBER: MAX_NUMBER,
}


class FormulaError(ValueError):
    """A formula that cannot be parsed; ``args[0]`` is the faulty expression."""


class FormulaTooLarge(FormulaError):
    """A formula over one of the limits: ``what`` is the limit's key in
    :data:`LIMITS`, ``found`` how much the formula has (the number itself for
    :data:`NUMBER`)."""

    def __init__(self, expression, what, found):
        super().__init__(expression, what, found)
        self.what = what
        self.limit = LIMITS[what]
        self.found = found


class FormulaCycle(ValueError):
    """Formulas that depend on themselves; ``args[0]`` lists the codes."""


def split_reference(reference):
    """(code, qualifier) of a reference; the qualifier is "" for this period.

    >>> split_reference("ENV-05@base"), split_reference("ECO-01")
    (('ENV-05', 'base'), ('ECO-01', ''))
    """
    code, _sep, qualifier = reference.partition("@")
    return code, qualifier


def references(expression, qualifier=""):
    """Indicator codes a formula reads in this period (or, given a qualifier,
    in that other period), in order of first use.

    >>> formula = "([ENV-05@base] - [ENV-05]) / [ENV-05@base] * 100"
    >>> references(formula), references(formula, "base")
    (['ENV-05'], ['ENV-05'])
    >>> references("([ENV-05] + [ENV-06]) / [ECO-01] * 1000000")
    ['ENV-05', 'ENV-06', 'ECO-01']
    """
    seen = []
    for reference in REFERENCE.findall(expression or ""):
        code, its_qualifier = split_reference(reference)
        if its_qualifier == qualifier and code not in seen:
            seen.append(code)
    return seen


def all_codes(expression):
    """Every indicator code a formula reads, in whatever period.

    >>> all_codes("([ENV-05@base] - [ENV-05]) / [ECO-01]")
    ['ENV-05', 'ECO-01']
    """
    seen = []
    for reference in REFERENCE.findall(expression or ""):
        code = split_reference(reference)[0]
        if code not in seen:
            seen.append(code)
    return seen


def unknown_qualifiers(expression):
    """
    >>> unknown_qualifiers("[ENV-05@base] + [ENV-05@last] + [X-1@bogus]")
    ['last', 'bogus']
    """
    found = [split_reference(r)[1] for r in REFERENCE.findall(expression or "")]
    return [q for q in dict.fromkeys(found) if q and q not in QUALIFIERS]


# A year-end checks and evaluates each formula in 17 periods: parsed once.
# The parsed tree and names are only read, never changed, by their callers.
@functools.lru_cache(maxsize=1024)
def _parse(expression):
    expression = expression or ""
    if len(expression) > MAX_LENGTH:
        raise FormulaTooLarge(expression, LENGTH, len(expression))
    codes = list(dict.fromkeys(REFERENCE.findall(expression)))
    names = {code: f"v{index}" for index, code in enumerate(codes)}
    python = REFERENCE.sub(lambda match: names[match.group(1)], expression).strip()
    try:
        tree = ast.parse(python, mode="eval")
    # The parser gives up on deep nesting with any of these.
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise FormulaError(expression) from error
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Load)
    allowed += tuple(_OPERATORS) + tuple(_SIGNS)
    for node in ast.walk(tree):
        is_number = isinstance(node, ast.Constant) and type(node.value) in (int, float)
        if not (isinstance(node, allowed) or is_number):
            raise FormulaError(expression)
    _check_size(expression, python, tree.body)
    by_name = {name: code for code, name in names.items()}
    return tree.body, by_name


def _check_size(expression, python, body):
    """Raise FormulaTooLarge when the parsed formula is over a limit."""
    terms = [
        node for node in ast.walk(body) if isinstance(node, ast.Constant | ast.Name)
    ]
    if len(terms) > MAX_TERMS:
        raise FormulaTooLarge(expression, TERMS, len(terms))
    depth = nesting(body)
    if depth > MAX_NESTING:
        raise FormulaTooLarge(expression, NESTING, depth)
    for node in terms:
        if not isinstance(node, ast.Constant):
            continue
        digits = sum(char.isdigit() for char in ast.get_source_segment(python, node))
        if digits > MAX_DIGITS:
            raise FormulaTooLarge(expression, DIGITS, digits)
        if not float(node.value) <= MAX_NUMBER:  # also catches inf and nan
            raise FormulaTooLarge(expression, NUMBER, node.value)


def nesting(node):
    """How deeply operations nest in a parsed formula (without recursion).

    A chain such as ``a + b - c`` or ``a * b / c`` is one level; each operation
    inside another one, and each sign, adds a level.

    >>> [nesting(ast.parse(text, mode="eval").body)
    ...  for text in ("1", "1 + 2 + 3 - 4", "(1 + 2) * 3", "--1", "1 * (2 + (3 - 4))")]
    [0, 1, 2, 2, 3]
    """
    deepest, stack = 0, [(node, 0, False)]
    while stack:
        node, outer, chained = stack.pop()
        depth = outer
        if isinstance(node, ast.UnaryOp):
            depth = outer + 1
            stack.append((node.operand, depth, False))
        elif isinstance(node, ast.BinOp):
            depth = outer if chained else outer + 1
            level = _LEVELS[type(node.op)]
            left = node.left
            chains = isinstance(left, ast.BinOp) and _LEVELS[type(left.op)] == level
            stack.append((left, depth, chains))
            stack.append((node.right, depth, False))
        deepest = max(deepest, depth)
    return deepest


def check(expression):
    """Raise FormulaError unless ``expression`` is a valid formula, and
    FormulaTooLarge (a FormulaError) when it is over one of the limits.

    >>> check("[ECO-03] - [ECO-04]")
    >>> check("__import__('os')")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    FormulaError: __import__('os')
    >>> def limit(text):
    ...     try:
    ...         check(text)
    ...     except FormulaTooLarge as error:
    ...         return error.what, error.found
    >>> limit("+".join(["[A-1]"] * 101)), limit("-" * 51 + "[A-1]")
    (('terms', 101), ('nesting', 51))
    >>> limit("1" * 31), limit("1e16"), limit("1" * 2001)
    (('digits', 31), ('number', 1e+16), ('length', 2001))
    >>> limit("-" * 50 + "[A-1]") is None
    True
    """
    _parse(expression)


def evaluate(expression, values):
    """Value of the formula, or None when an input is missing, a division by
    0 or the result is not a finite number. Raises only FormulaError (a
    formula saved before its limits existed).

    >>> evaluate("[ENV-01] / [ECO-01] * 1000000", {"ENV-01": 42.0, "ECO-01": 2.1e6})
    20.0
    >>> evaluate("[ECO-03] - [ECO-04]", {"ECO-03": 5.0}) is None
    True
    >>> evaluate("[A-1] / [B-1]", {"A-1": 1.0, "B-1": 0.0}) is None
    True
    >>> known = {"A-1": 90.0, "A-1@base": 120.0}
    >>> evaluate("([A-1@base] - [A-1]) / [A-1@base] * 100", known)
    25.0
    >>> evaluate("[A-1] * [A-1]", {"A-1": 1e200}) is None
    True
    >>> evaluate("[A-1] + 1", {"A-1": 10**400}) is None
    True
    """
    tree, by_name = _parse(expression)

    def walk(node):
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            value = values.get(by_name[node.id])
            if value is None:
                raise LookupError(by_name[node.id])
            return float(value)
        if isinstance(node, ast.UnaryOp):
            return _SIGNS[type(node.op)](walk(node.operand))
        return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))

    try:
        result = walk(tree)
    except (LookupError, ArithmeticError):  # ZeroDivisionError, OverflowError
        return None
    except RecursionError as error:  # bounded by the limits; never expected
        raise FormulaError(expression) from error
    return result if math.isfinite(result) else None


def dependency_order(dependencies):
    """Codes ordered so that each comes after what it depends on.

    ``dependencies`` maps a code to the codes it reads; codes that are only
    read (inputs) are not returned. Raises FormulaCycle on a cycle.

    >>> dependency_order({"ENV-09": ["ENV-05", "ECO-01"], "X-1": ["ENV-09"]})
    ['ENV-09', 'X-1']
    >>> dependency_order({"A-1": ["B-1"], "B-1": ["A-1"]})
    ... # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    FormulaCycle: ['A-1', 'B-1', 'A-1']
    """
    ordered, state = [], {}

    def visit(code, path):
        if state.get(code) == "done":
            return
        if state.get(code) == "visiting":
            raise FormulaCycle(path[path.index(code) :] + [code])
        state[code] = "visiting"
        for needed in dependencies.get(code, ()):
            if needed in dependencies:
                visit(needed, path + [code])
        state[code] = "done"
        ordered.append(code)

    for code in sorted(dependencies):
        visit(code, [])
    return ordered
