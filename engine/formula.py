# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Formulas over indicator codes: parsing, safe evaluation and ordering.

A formula is plain arithmetic over other indicators written in brackets,
e.g. ``([ENV-05] + [ENV-06]) / [ECO-01] * 1000000``. Only numbers, the four
operations, unary signs and parentheses are allowed: nothing is ``eval``-ed.

A reference reads the same period unless qualified: ``[ENV-05@base]`` reads
the matching period of the company's base year (same kind, same months), for
reductions measured against a baseline.
"""

import ast
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


class FormulaError(ValueError):
    """A formula that cannot be parsed; ``args[0]`` is the faulty expression."""


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


def _parse(expression):
    codes = list(dict.fromkeys(REFERENCE.findall(expression or "")))
    names = {code: f"v{index}" for index, code in enumerate(codes)}
    python = REFERENCE.sub(lambda match: names[match.group(1)], expression)
    try:
        tree = ast.parse(python.strip(), mode="eval")
    except SyntaxError as error:
        raise FormulaError(expression) from error
    for node in ast.walk(tree):
        allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Load)
        allowed += tuple(_OPERATORS) + tuple(_SIGNS)
        is_number = isinstance(node, ast.Constant) and type(node.value) in (int, float)
        if not (isinstance(node, allowed) or is_number):
            raise FormulaError(expression)
    by_name = {name: code for code, name in names.items()}
    return tree.body, by_name


def check(expression):
    """Raise FormulaError unless ``expression`` is a valid formula.

    >>> check("[ECO-03] - [ECO-04]")
    >>> check("__import__('os')")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    FormulaError: __import__('os')
    """
    _parse(expression)


def evaluate(expression, values):
    """Value of the formula, or None when an input is missing or a division by 0.

    >>> evaluate("[ENV-01] / [ECO-01] * 1000000", {"ENV-01": 42.0, "ECO-01": 2.1e6})
    20.0
    >>> evaluate("[ECO-03] - [ECO-04]", {"ECO-03": 5.0}) is None
    True
    >>> evaluate("[A-1] / [B-1]", {"A-1": 1.0, "B-1": 0.0}) is None
    True
    >>> known = {"A-1": 90.0, "A-1@base": 120.0}
    >>> evaluate("([A-1@base] - [A-1]) / [A-1@base] * 100", known)
    25.0
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
        return walk(tree)
    except (LookupError, ZeroDivisionError):
        return None


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
