# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A case study written from a verified improvement action, in the language
chosen for it, optionally anonymised (see ``engine.case_study``)."""

from odoo.tools import formatLang, html2plaintext

from ..engine import case_study
from .labels import selection_label


class CaseStudyWriter:
    """Writes the library resource of one action in one language."""

    def __init__(self, action, lang, anonymise):
        self.lang = lang
        self.anonymise = anonymise
        # Headings, labels and translated names in the case study's language.
        odoo_lang = _odoo_lang(action.env, lang)
        self.env = action.env(context=dict(action.env.context, lang=odoo_lang))
        self.action = action.with_env(self.env)
        self._ = self.env._

    def values(self):
        """``csr.resource`` values, the body included; links to what the
        action measured so that the case study shows where it helps."""
        action = self.action
        indicator = action.indicator_id
        return {
            "name": self._clean(self._("Case study: %(action)s", action=action.name)),
            "code": f"CASE-ACTION-{action.id}",
            "resource_type": "case_study",
            "lang": self.lang,
            "summary": self._clean(self._summary()),
            "body": case_study.render(self._sections()),
            "pillar": action.pillar,
            "indicator_ids": indicator.ids,
            "topic_ids": indicator.material_topic_ids.ids,
            "question_ids": action.question_id.ids,
            "sector_ids": action.company_id.csr_sector_id.ids,
            "source_action_id": action.id,
            "anonymised": self.anonymise,
        }

    # Who is speaking.

    def who(self):
        """The company's name, or its sector and country when anonymised."""
        company = self.action.company_id
        if not self.anonymise:
            return company.name
        sector = company.csr_sector_id.name
        country = company.country_id.name
        if sector and country:
            return self._(
                "A company of the %(sector)s sector in %(country)s",
                sector=sector,
                country=country,
            )
        if sector:
            return self._("A company of the %(sector)s sector", sector=sector)
        if country:
            return self._("A company in %(country)s", country=country)
        return self._("A company")

    def _stand_ins(self):
        """Names an anonymised case study must not show, with their stand-in."""
        if not self.anonymise:
            return {}
        action = self.action
        company = action.company_id
        person = self._("a team member")
        stand_ins = {
            name: person
            for name in (
                action.responsible_id | action.verified_by_id | action.create_uid
            ).mapped("name")
            + action.message_partner_ids.mapped("name")
        }
        # In free text: "the company", a full descriptor reads oddly mid-sentence.
        for name in (company.name, company.partner_id.name):
            stand_ins[name] = self._("the company")
        return stand_ins

    def _clean(self, text):
        return case_study.scrub(text or "", self._stand_ins())

    # The template's sections.

    def _summary(self):
        action = self.action
        return self._(
            "%(who)s improved %(indicator)s by %(change)s %(unit)s: %(action)s.",
            who=self.who(),
            indicator=action.indicator_id.name,
            change=self._number(action.value_change),
            unit=action.indicator_id.unit,
            action=action.name,
        )

    def _sections(self):
        _ = self._
        sections = [
            (_("Problem"), self._problem()),
            (_("Practice"), self._practice()),
            (_("Cost"), self._cost()),
            (_("Result"), self._result()),
            (_("Indicator evidence"), self._evidence()),
        ]
        return [
            (heading, [self._clean(p) for p in paragraphs])
            for heading, paragraphs in sections
        ]

    def _problem(self):
        action = self.action
        _ = self._
        paragraphs = [_("Company: %(who)s", who=self.who())]
        if action.question_id:
            paragraphs.append(
                _(
                    "Unmet self-assessment criterion: %(question)s",
                    question=action.question_id.name,
                )
            )
        paragraphs.append(
            _(
                "%(indicator)s stood at %(value)s %(unit)s (%(period)s).",
                indicator=action.indicator_id.name,
                value=self._number(action.baseline_value),
                unit=action.indicator_id.unit,
                period=self._baseline_period(),
            )
        )
        return paragraphs

    def _practice(self):
        action = self.action
        return [action.name, html2plaintext(action.description or "")]

    def _cost(self):
        action = self.action
        _ = self._
        paragraphs = [
            _("Cost: %(amount)s", amount=self._money(action.cost))
            if action.cost
            else _("No cost recorded.")
        ]
        if action.saving_amount:
            paragraphs.append(
                _(
                    "Expected saving: %(amount)s per year.",
                    amount=self._money(action.saving_amount),
                )
            )
        if action.saving_co2_kg:
            paragraphs.append(
                _(
                    "Expected emissions avoided: %(kg)s kgCO2e per year.",
                    kg=self._number(action.saving_co2_kg),
                )
            )
        return paragraphs

    def _result(self):
        action = self.action
        _ = self._
        params = {
            "target": self._number(action.target_value),
            "unit": action.indicator_id.unit,
        }
        if action.efficacy == "effective":
            verdict = _(
                "Effective: the target of %(target)s %(unit)s was met.", **params
            )
        else:
            verdict = _(
                "Improved, but short of the target of %(target)s %(unit)s.", **params
            )
        return [verdict, action.verification_note or ""]

    def _evidence(self):
        action = self.action
        indicator = action.indicator_id
        _ = self._
        unit = indicator.unit
        return [
            f"{indicator.code} {indicator.name}",
            _(
                "%(baseline_period)s: %(baseline)s %(unit)s → %(period)s: "
                "%(value)s %(unit)s",
                baseline_period=self._baseline_period(),
                baseline=self._number(action.baseline_value),
                period=action.verification_period_id.name,
                value=self._number(action.verified_value),
                unit=unit,
            ),
            _(
                "Change: %(change)s %(unit)s (%(direction)s)",
                change=self._number(action.value_change),
                unit=unit,
                direction=selection_label(indicator, "direction").lower(),
            ),
        ]

    # Formatting.

    def _baseline_period(self):
        return self.action.baseline_period_id.name or self._("baseline")

    def _number(self, value):
        return formatLang(self.env, value, digits=2)

    def _money(self, amount):
        return formatLang(self.env, amount, currency_obj=self.action.currency_id)


def _odoo_lang(env, lang):
    """The installed language to write in: the user's own when it is of the
    chosen language (es_CO for Spanish), else the first installed one, else
    English."""
    user_lang = env.lang or "en_US"
    if user_lang.split("_")[0] == lang:
        return user_lang
    if lang == "en":
        return "en_US"
    installed = [code for code, _name in env["res.lang"].get_installed()]
    return next((c for c in installed if c.split("_")[0] == lang), "en_US")
