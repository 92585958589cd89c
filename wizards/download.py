# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def download_action(record, field="file_data", filename_field="file_name"):
    """The action that downloads the file a wizard has just written."""
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/?model={record._name}&id={record.id}"
        f"&field={field}&filename_field={filename_field}&download=true",
        "target": "self",
    }
