# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
.PHONY: demo test lint pot

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh

pot:
	bash scripts/export_pot.sh
