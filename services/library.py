# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which library resources help with an indicator, a question or an action.

A resource is related to a record when it is linked to one of the record's
indicators or questions, or shares a sustainability topic with one of its
indicators; it must fit the company: no sector or the company's sector, no
country or the company's country (a company without a sector or a country
sees the resources of every sector or country).
"""

from collections import defaultdict


def fitting_company(company):
    """Domain of the resources meant for ``company``'s sector and country."""
    domain = []
    if company.csr_sector_id:
        domain += [
            "|",
            ("sector_ids", "=", False),
            ("sector_ids", "in", company.csr_sector_id.ids),
        ]
    if company.country_id:
        domain += [
            "|",
            ("country_ids", "=", False),
            ("country_ids", "in", company.country_id.ids),
        ]
    return domain


def related_resources(env, scopes):
    """``scopes``: ``{key: (company, indicators, questions)}``.

    Returns ``{key: resources}`` in the library's order (the reader's language
    first), with one search per company of the batch, not one per record.
    """
    by_company = defaultdict(list)
    for key, (company, indicators, questions) in scopes.items():
        by_company[company].append((key, indicators, questions))
    Resource = env["csr.resource"]
    found = {}
    for company, entries in by_company.items():
        indicators = env["csr.indicator"].union(*(i for _k, i, _q in entries))
        questions = env["csr.question"].union(*(q for _k, _i, q in entries))
        resources = _search(Resource, company, indicators, questions)
        for key, record_indicators, record_questions in entries:
            topics = record_indicators.material_topic_ids
            found[key] = resources.filtered(
                lambda r, i=record_indicators, q=record_questions, t=topics: (
                    r.indicator_ids & i or r.question_ids & q or r.topic_ids & t
                )
            )
    return found


def _search(Resource, company, indicators, questions):
    topics = indicators.material_topic_ids
    if not (indicators or questions or topics):
        return Resource
    return Resource.search_fetch(
        [
            "|",
            "|",
            ("indicator_ids", "in", indicators.ids),
            ("question_ids", "in", questions.ids),
            ("topic_ids", "in", topics.ids),
            *fitting_company(company),
        ],
        ["indicator_ids", "question_ids", "topic_ids"],
    )
