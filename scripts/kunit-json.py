#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# kunit-json.py FILE...: kunit.py --json files' case statuses summed, failed cases named, last line "N passed, N
# failed, N skipped". Exits 1 on a failed or crashed case, results kunit.py found missing, or no case passed.
import json, sys
n, bad = {'PASS': 0, 'FAIL': 0, 'SKIP': 0, 'ERROR': 0}, 0
def walk(group, prefix):
	for case in group['test_cases']:
		n[case['status']] += 1
		case['status'] in ('FAIL', 'ERROR') and print(case['status'], prefix + case['name'])
	for sub in group['sub_groups']: walk(sub, prefix + sub['name'] + '.')
for path in sys.argv[1:]:
	try: top = json.load(open(path))
	except (OSError, ValueError): top = {'test_cases': [], 'sub_groups': [], 'misc': {}}
	walk(top, '')
	if top['misc'].get('errors', 1) or top['misc'].get('crashed') or not top['misc'].get('passed'):
		print(f'MISSING results in {path}: {top["misc"] or "none"}'); bad = 1
print(f"{n['PASS']} passed, {n['FAIL'] + n['ERROR']} failed, {n['SKIP']} skipped")
sys.exit(1 if bad or n['FAIL'] or n['ERROR'] else 0)
