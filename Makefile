# SPDX-License-Identifier: GPL-2.0
# The harness around the patch series: README.md, docs/reference.md.
.PHONY: help deps tree export status test test-debug run check bench no-harm
help:
	@echo "make test | run | check | tree | export | status | test-debug | bench | no-harm | deps: README.md"
deps tree export test run check bench no-harm:
	@scripts/$@.sh
status:
	@scripts/export.sh --check && echo "the work tree and series/ agree"
test-debug:
	@DEBUG=1 scripts/test.sh
