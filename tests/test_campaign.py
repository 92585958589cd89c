# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Input campaigns of manual indicators, on a catalogue built by hand.

The shipped catalogue is archived so that only these indicators exist:
  TST-WATER, TST-SHARE  manual, shared, every size and sector   -> asked
  TST-OWN               manual, the company's own indicator     -> asked
  TST-FACTORY           manual, manufacturing only              -> asked
  TST-SMALL             manual, small companies and larger      -> asked
  TST-CALC              computed                                -> not manual
  TST-OTHER             manual, another company's own           -> not ours
  TST-MINING            manual, mining only                     -> other sector
  TST-BIG               manual, medium companies and larger     -> too small
  TST-OLD               manual, archived                        -> inactive
The company is a small manufacturer, so a campaign asks for exactly the first
five; a company with neither sector nor size set is asked for the first five
plus TST-MINING and TST-BIG (an unset attribute leaves nothing out).
"""

from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import AUDITOR_GROUPS, MANAGER_GROUPS, USER_GROUPS, CsrCase

ASKED = {"TST-WATER", "TST-SHARE", "TST-OWN", "TST-FACTORY", "TST-SMALL"}


class CampaignCase(CsrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["csr.indicator"]
        Indicator.search([("code", "not like", "TST-%")]).active = False
        cls.company_b = cls.env["res.company"].create({"name": "Muebles del Bajío SA"})
        manufacturing = cls.env.ref("csr_management.sector_manufacturing")
        mining = cls.env["csr.sector"].create({"code": "TST-MIN", "name": "Mining"})
        cls.company.write(
            {"csr_sector_id": manufacturing.id, "csr_company_size": "small"}
        )
        cls.own = cls._indicator("TST-OWN", company_id=cls.company.id)
        cls.factory = cls._indicator(
            "TST-FACTORY", sector_ids=[manufacturing.id], unit="t"
        )
        cls.small = cls._indicator("TST-SMALL", min_company_size="small")
        cls._indicator("TST-CALC", source_type="computed")
        cls._indicator("TST-OTHER", company_id=cls.company_b.id)
        cls._indicator("TST-MINING", sector_ids=[mining.id])
        cls._indicator("TST-BIG", min_company_size="medium")
        cls._indicator("TST-OLD", active=False)
        cls.user_2 = cls._make_user("csr_test_user_2", USER_GROUPS)
        cls.february = cls._make_period("month", date(2025, 2, 1), date(2025, 2, 28))
        cls.march = cls._make_period("month", date(2025, 3, 1), date(2025, 3, 31))

    @classmethod
    def _indicator(cls, code, **vals):
        return cls.env["csr.indicator"].create(
            {
                "code": code,
                "name": f"Test {code.lower()}",
                "pillar": "governance",
                "unit": "h",
                "source_type": "manual",
                **vals,
            }
        )

    def _campaign(self, period, user=None, **vals):
        return self.env["csr.campaign"].create(
            {"period_id": period.id, "user_id": (user or self.manager).id, **vals}
        )

    def _launched(self, period=None, **vals):
        campaign = self._campaign(period or self.march, **vals)
        campaign.action_prepare()
        campaign.with_user(self.manager).action_launch()
        return campaign

    @staticmethod
    def _by_code(campaign):
        return {line.code: line for line in campaign.line_ids}


@tagged("csr_values")
class TestCampaignPrepare(CampaignCase):
    def test_prepare_lists_exactly_the_applicable_manual_indicators(self):
        campaign = self._campaign(self.march)
        self.assertEqual(campaign.company_id, self.company)
        # March 2025 is over: the people in charge get ten days from today.
        today = fields.Date.context_today(campaign)
        self.assertEqual(campaign.date_deadline, today + timedelta(days=10))
        campaign.action_prepare()
        self.assertEqual(set(campaign.line_ids.mapped("code")), ASKED)
        self.assertEqual(set(campaign.line_ids.mapped("status")), {"to_enter"})
        # Preparing again adds nothing twice.
        campaign.action_prepare()
        self.assertEqual(len(campaign.line_ids), len(ASKED))

    def test_unset_sector_and_size_leave_nothing_out(self):
        self.company.write({"csr_sector_id": False, "csr_company_size": False})
        campaign = self._campaign(self.march)
        campaign.action_prepare()
        self.assertEqual(
            set(campaign.line_ids.mapped("code")), ASKED | {"TST-MINING", "TST-BIG"}
        )

    def test_responsibles_come_from_the_previous_campaign(self):
        lost_access = self._make_user("csr_test_former", USER_GROUPS)
        january = self._campaign(self.january)
        january.action_prepare()
        self._by_code(january)["TST-OWN"].user_id = self.user_2
        february = self._campaign(self.february)
        february.action_prepare()
        by_code = self._by_code(february)
        self.assertEqual(by_code["TST-OWN"].user_id, self.user_2, "from January")
        by_code["TST-OWN"].unlink()
        by_code["TST-WATER"].user_id = self.user
        by_code["TST-SHARE"].user_id = self.user_2
        by_code["TST-FACTORY"].user_id = lost_access
        lost_access.groups_id = [
            Command.unlink(self.env.ref("csr_management.group_csr_user").id)
        ]
        march = self._campaign(self.march)
        march.action_prepare()
        responsibles = {
            code: line.user_id for code, line in self._by_code(march).items()
        }
        self.assertEqual(
            responsibles,
            {
                "TST-WATER": self.user,
                "TST-SHARE": self.user_2,
                # Not in February: January's choice is not looked up.
                "TST-OWN": self.manager,
                # February's responsible lost CSR access: back to the campaign's.
                "TST-FACTORY": self.manager,
                "TST-SMALL": self.manager,
            },
        )

    def test_a_second_campaign_for_the_period_is_refused(self):
        self._campaign(self.march)
        Campaign = self.env["csr.campaign"]
        with self.assertRefused(UserError, "2025-03 already has an input campaign"):
            self._campaign(self.march, user=self.user)
        february = self._campaign(self.february)
        with self.assertRefused(UserError, "2025-03 already has an input campaign"):
            february.period_id = self.march
        self.assertEqual(Campaign.search_count([("period_id", "=", self.march.id)]), 1)
        self.assertEqual(february.period_id, self.february)
        with self.assertRefused(UserError, "cannot get two input campaigns"):
            Campaign.create([{"period_id": self.january.id}] * 2)
        self.assertFalse(Campaign.search([("period_id", "=", self.january.id)]))

    def test_responsible_needs_csr_access_in_the_company(self):
        auditor_only = self._make_user("csr_test_auditor_2", AUDITOR_GROUPS)
        plain = self._make_user("csr_test_plain", "base.group_user")
        foreign = self._make_user("csr_test_user_b", USER_GROUPS, self.company_b)
        campaign = self._campaign(self.march)
        campaign.action_prepare()
        line = self._by_code(campaign)["TST-WATER"]
        for user, reason in (
            (auditor_only, "has no CSR access"),
            (plain, "has no CSR access"),
            (foreign, "is not allowed in company Tostadora Andina SAS"),
        ):
            with self.subTest(user=user.login):
                with self.assertRefused(ValidationError, f"TST-WATER: .*{reason}"):
                    line.user_id = user
                    self.env.flush_all()
                with self.assertRefused(ValidationError, reason):
                    campaign.user_id = user
                    self.env.flush_all()
        self.assertEqual(line.user_id, self.manager)

    def test_only_manual_indicators_can_be_added(self):
        campaign = self._campaign(self.march)
        calc = self.env["csr.indicator"].search([("code", "=", "TST-CALC")])
        with self.assertRefused(ValidationError, "manual indicators only"):
            campaign.line_ids = [
                Command.create({"indicator_id": calc.id, "user_id": self.user.id})
            ]
        self.assertFalse(campaign.line_ids)


@tagged("csr_values")
class TestCampaignDeadline(CampaignCase):
    def test_current_period_is_due_on_its_last_day(self):
        """A campaign of the month under way is due on the month's last day;
        one of a month already over gets ten days from today, never a date
        in the past (a to-do overdue at birth)."""
        today = fields.Date.context_today(self.env.user)
        start = today.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        current = self._make_period("month", start, end)
        self.assertEqual(self._campaign(current).date_deadline, end)
        past = self._campaign(self.march)
        self.assertGreater(past.date_deadline, today)


@tagged("csr_values")
class TestCampaignLaunch(CampaignCase):
    def test_launch_creates_values_and_todos(self):
        existing_draft = self._make_value(self.water, self.march, 5.0)
        submitted = self._make_value(self.share, self.march, 40.0)
        submitted.action_submit()
        campaign = self._campaign(self.march, date_deadline=date(2025, 4, 10))
        campaign.action_prepare()
        self._by_code(campaign)["TST-OWN"].user_id = self.user
        # The to-do speaks the responsible's language, not the launcher's.
        self.env["res.lang"]._activate_lang("es_419")
        self.user.lang = "es_419"
        self.own.with_context(lang="es_419").name = "Indicador propio de prueba"
        Value = self.env["csr.indicator.value"]
        before = Value.search_count([("period_id", "=", self.march.id)])
        campaign.with_user(self.manager).action_launch()

        self.assertEqual(campaign.state, "running")
        # Five lines, two values already there: three created, all linked.
        self.assertEqual(
            Value.search_count([("period_id", "=", self.march.id)]), before + 3
        )
        lines = self._by_code(campaign)
        self.assertEqual(lines["TST-WATER"].value_id, existing_draft)
        self.assertEqual(lines["TST-SHARE"].value_id, submitted)
        created = lines["TST-OWN"].value_id
        self.assertEqual(
            (created.state, created.source, created.entered_by_id.id, created.value),
            ("draft", "manual", False, 0.0),
        )
        self.assertEqual(
            {code: line.status for code, line in lines.items()},
            {
                "TST-WATER": "entered",
                "TST-SHARE": "submitted",
                "TST-OWN": "to_enter",
                "TST-FACTORY": "to_enter",
                "TST-SMALL": "to_enter",
            },
        )
        # A to-do for each value still to be typed, none for the submitted one.
        self.assertFalse(lines["TST-SHARE"].activity_id)
        todo = self.env.ref("mail.mail_activity_data_todo")
        for code in ("TST-WATER", "TST-OWN", "TST-FACTORY", "TST-SMALL"):
            activity = lines[code].activity_id
            with self.subTest(code=code):
                self.assertEqual(activity.res_model, "csr.indicator.value")
                self.assertEqual(activity.res_id, lines[code].value_id.id)
                self.assertEqual(activity.activity_type_id, todo)
                self.assertEqual(activity.date_deadline, date(2025, 4, 10))
                self.assertIn(code, activity.summary)
                self.assertIn("2025-03", activity.summary)
        self.assertEqual(lines["TST-OWN"].activity_id.user_id, self.user)
        self.assertIn(
            "Indicador propio de prueba", lines["TST-OWN"].activity_id.summary
        )
        self.assertIn("Test tst-small", lines["TST-SMALL"].activity_id.summary)
        self.assertEqual(lines["TST-SMALL"].activity_id.user_id, self.manager)
        self.assertEqual(
            (campaign.line_count, campaign.to_enter_count, campaign.entered_count),
            (5, 3, 1),
        )
        self.assertEqual(campaign.submitted_percent, 20.0)
        self.assertEqual(campaign.value_count, 5)
        self.assertIn("3 value(s) created, 4 to-do(s)", campaign.message_ids[0].body)

    def test_launch_is_refused_without_lines_rights_or_open_period(self):
        campaign = self._campaign(self.march)
        with self.assertRefused(UserError, "has no indicators"):
            campaign.action_launch()
        campaign.action_prepare()
        with self.assertRefused(AccessError, "Only a CSR manager can launch"):
            campaign.with_user(self.user).action_launch()
        self.march.action_lock()
        with self.assertRefused(UserError, "2025-03 is locked"):
            campaign.action_launch()
        self.assertEqual(campaign.state, "draft")
        self.assertFalse(campaign.line_ids.value_id)

    def test_submitting_a_value_closes_its_todo(self):
        campaign = self._launched(user=self.manager)
        line = self._by_code(campaign)["TST-WATER"]
        line.user_id = self.user
        activity = line.activity_id
        self.assertEqual(activity.user_id, self.user, "the to-do follows the line")
        value = line.value_id.with_user(self.user)
        value.write({"value": 12.5})
        self.assertEqual(line.status, "entered")
        self.assertTrue(activity.exists())
        value.action_submit()
        self.assertFalse(activity.exists(), "the to-do is done")
        self.assertFalse(line.activity_id)
        self.assertEqual(line.status, "submitted")
        done = value.message_ids.filtered(lambda message: message.mail_activity_type_id)
        self.assertIn("submitted for validation", done[0].body)
        # A manager validating straight from draft closes the to-do as well.
        other = self._by_code(campaign)["TST-OWN"]
        other_activity = other.activity_id
        other.value_id.action_validate()
        self.assertFalse(other_activity.exists())
        self.assertEqual(other.status, "validated")

    def test_close_once_every_value_is_validated(self):
        campaign = self._launched()
        campaign.line_ids[:4].value_id.action_validate()
        with self.assertRefused(UserError, "not validated yet"):
            campaign.action_close()
        self.assertEqual(campaign.validated_count, 4)
        campaign.line_ids[4:].value_id.action_validate()
        with self.assertRefused(AccessError, "Only a CSR manager can close"):
            campaign.with_user(self.user).action_close()
        campaign.action_close()
        self.assertEqual(campaign.state, "closed")
        self.assertEqual(campaign.validated_percent, 100.0)

    def test_launched_campaign_keeps_its_indicators(self):
        campaign = self._launched()
        with self.assertRefused(UserError, "is launched"):
            campaign.line_ids[0].unlink()
        with self.assertRefused(UserError, "is launched"):
            campaign.line_ids[0].indicator_id = self.small
        with self.assertRefused(UserError, "was launched"):
            campaign.unlink()
        campaign.date_deadline = date(2025, 4, 30)
        self.assertEqual(
            set(campaign.line_ids.activity_id.mapped("date_deadline")),
            {date(2025, 4, 30)},
        )

    def test_period_button_opens_or_creates_the_campaign(self):
        action = self.march.with_user(self.manager).action_open_campaign()
        self.assertEqual(action["context"]["default_period_id"], self.march.id)
        self.assertFalse(action["res_id"])
        with self.assertRefused(UserError, "has no input campaign yet"):
            self.march.with_user(self.user).action_open_campaign()
        campaign = self._campaign(self.march)
        action = self.march.with_user(self.user).action_open_campaign()
        self.assertEqual(action["res_id"], campaign.id)

    def test_import_button_opens_the_wizard_on_the_period(self):
        campaign = self._launched()
        action = campaign.with_user(self.user).action_open_import()
        self.assertEqual(action["res_model"], "csr.value.import")
        wizard = (
            self.env["csr.value.import"]
            .with_user(self.user)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.period_id, self.march)
        self.assertEqual(wizard.company_id, self.company)


@tagged("csr_values")
class TestCampaignAccess(CampaignCase):
    def test_users_read_managers_run(self):
        campaign = self._launched()
        for user in (self.user, self.auditor):
            as_user = campaign.with_user(user)
            with self.subTest(user=user.login):
                self.assertEqual(as_user.line_count, len(ASKED))
                with self.assertRaises(AccessError):
                    as_user.write({"date_deadline": date(2025, 5, 1)})
                with self.assertRaises(AccessError):
                    as_user.line_ids[0].write({"user_id": user.id})
                with self.assertRaises(AccessError):
                    self.env["csr.campaign"].with_user(user).create(
                        {"period_id": self.february.id}
                    )

    def test_other_company_sees_no_campaign(self):
        campaign = self._launched()
        manager_b = self._make_user(
            "csr_test_manager_b", MANAGER_GROUPS, self.company_b
        )
        env_b = self.env(
            user=manager_b, context={"allowed_company_ids": [self.company_b.id]}
        )
        self.assertFalse(env_b["csr.campaign"].search([]))
        self.assertFalse(env_b["csr.campaign.line"].search([]))
        with self.assertRaises(AccessError):
            env_b["csr.campaign"].browse(campaign.id).read(["state"])
        with self.assertRaises(AccessError):
            env_b["csr.campaign.line"].browse(campaign.line_ids[0].id).read(["status"])
        # Company B's own campaign stays its own.
        period_b = self._make_period(
            "month", date(2025, 3, 1), date(2025, 3, 31), self.company_b
        )
        campaign_b = env_b["csr.campaign"].create({"period_id": period_b.id})
        self.assertEqual(campaign_b.company_id, self.company_b)
        self.assertEqual(env_b["csr.campaign"].search([]), campaign_b)
        self.assertEqual(
            self.env["csr.campaign"].with_user(self.manager).search([]), campaign
        )
