# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""To-do reminders that scheduled jobs leave on records, once per record."""


def remind_once(records, activity_type, user_field, date_field, summary):
    """Schedule one to-do of ``activity_type`` on each of ``records`` that has
    none open yet: for the user in ``user_field``, due on ``date_field``, with
    ``summary(env, record)`` written in that user's language (a scheduled job
    has none of its own).

    No e-mail per reminder: a first run over old records would flood people;
    the reminders show in their activities.
    """
    if not records:
        return
    env = records.env
    activities = env["mail.activity"].sudo()
    reminded = {
        res_id
        for (res_id,) in activities._read_group(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", activity_type.id),
            ],
            ["res_id"],
        )
    }
    model_id = env["ir.model"]._get_id(records._name)
    vals_list = []
    for record in records:
        if record.id in reminded:
            continue
        user = record[user_field]
        user_env = record.with_context(lang=user.lang).env
        vals_list.append(
            {
                "res_model_id": model_id,
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "user_id": user.id,
                "date_deadline": record[date_field],
                "summary": summary(user_env, record),
            }
        )
    activities.with_context(mail_activity_quick_update=True).create(vals_list)
