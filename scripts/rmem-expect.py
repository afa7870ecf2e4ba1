#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check the kernel's message for each malformed reserved-memory node.

usage: rmem-expect.py FILE[:FILE...]|- CONSOLE.log

Every "// expect: TEXT" line of an overlay, or " * expect: TEXT" line in a
comment of a test's source, names a message the kernel must print exactly
once in the boot log (for an overlay, TEXT starts with the node's full
path). Also fails on any WARNING, BUG, Oops, KASAN report or panic in the
log; with - for the files, checks only that.
Prints one line per expectation and exits non-zero if any is unmet.
"""

import re
import sys

TS = re.compile(r'^\[\s*\d+\.\d+\]\s?')
SPLAT = re.compile(r'WARNING:|BUG:|Oops|KASAN:|Kernel panic|Unable to handle kernel')


def main():
	dtso, log = sys.argv[1], sys.argv[2]
	expects = [] if dtso == '-' else [
		m.group(1).strip() for f in dtso.split(':') for m in
		(re.match(r'\s*(?://|\*)\s*expect:\s*(.*)', l) for l in open(f)) if m]
	lines = [TS.sub('', l.rstrip('\n')) for l in
		 open(log, errors='replace')]
	bad = good = 0
	for text in expects:
		n = sum(text in l for l in lines)
		ok = n == 1
		bad += not ok
		good += ok
		print(f'{"ok  " if ok else "FAIL"} {n}x {text}')
	splats = [l for l in lines if SPLAT.search(l)]
	for l in splats:
		print(f'FAIL splat: {l}')
	if dtso == '-':
		print(f'{len(splats)} splats')
		return 1 if splats else 0
	if not expects:
		print(f'FAIL: no "// expect:" lines in {dtso}')
		bad += 1
	print(f'{good} of {len(expects)} messages as expected, {len(splats)} splats')
	return 1 if bad or splats else 0


if __name__ == '__main__':
	sys.exit(main())
