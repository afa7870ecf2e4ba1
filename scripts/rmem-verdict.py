#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Say what the kernel made of each /reserved-memory region.

usage: rmem-verdict.py BOOTED.dtb CONSOLE.log

Reads the region nodes from the device tree that was booted (with fdtget)
and the kernel's own messages about them from the console log, and prints
one verdict per region: a CMA area, a coherent pool, reserved only, or
rejected with the kernel's reason, or that the kernel said nothing of it.
"""

import re
import subprocess
import sys

TS = re.compile(r'^\[\s*\d+\.\d+\]\s?')


def fdt(*args):
	res = subprocess.run(['fdtget'] + list(args), capture_output=True, text=True)
	return res.stdout.strip() if res.returncode == 0 else None


def props(dtb, node):
	p = fdt('-p', dtb, node) or ''
	return set(p.split())


def region_text(dtb, node, pr):
	flags = [f for f in ('no-map', 'reusable', 'linux,cma-default',
			     'linux,dma-default') if f in pr]
	reg = fdt('-t', 'x', dtb, node, 'reg')
	where = ''
	if reg:
		c = [int(x, 16) for x in reg.split()]
		if len(c) >= 4:
			base, size = (c[0] << 32) | c[1], (c[2] << 32) | c[3]
			where = f'reg 0x{base:x}, size 0x{size:x} ({size >> 10} KiB)'
	elif 'size' in pr:
		size = fdt('-t', 'x', dtb, node, 'size')
		where = f'dynamic, size <{size}>'
	else:
		where = 'neither reg nor size'
	compat = fdt(dtb, node, 'compatible') or 'no compatible'
	return f'{where}; {compat}; {" ".join(flags) or "no flags"}'


def verdict(name, lines):
	"""The kernel's verdict on the region named name, from its messages."""
	said, outcome = [], None
	esc = re.escape(name)
	for i, line in enumerate(lines):
		if not re.search(r'(^|[\s\'"(/]|:)' + esc + r'([\s\'",):]|$)', line):
			continue
		said.append(line)
		# The series' messages: "/reserved-memory/NAME: what; the fix".
		if re.search(r'/reserved-memory/' + esc + r': .*: (not reserved|not used|'
			     r'not allocated|ignored);', line):
			outcome = 'REJECTED: ' + line
		elif outcome and outcome.startswith('REJECTED'):
			continue
		elif re.search(r'initialized node ' + esc + r',', line):
			prev = lines[i - 1] if i else ''
			if 'CMA memory pool' in prev:
				outcome = 'CMA area: ' + prev
			elif 'DMA memory pool' in prev:
				outcome = 'coherent pool: ' + prev
			else:
				outcome = 'initialized: ' + line
		elif 'compatible matching fail' in line:
			prev = lines[i - 1] if i else ''
			outcome = 'REJECTED: ' + prev
		elif re.search(r'failed to (allocate|reserve) memory', line):
			outcome = 'REJECTED: ' + line
	if not outcome and said:
		if any(re.search(r'\.\.0x[0-9a-f]+ \(\d+ KiB\)', s) for s in said):
			outcome = 'reserved, no DMA use (no matching driver)'
		else:
			outcome = 'see messages'
	return outcome, said


def main():
	dtb, log = sys.argv[1], sys.argv[2]
	with open(log, errors='replace') as f:
		lines = [TS.sub('', l.rstrip('\n')) for l in f]
	nodes = (fdt('-l', dtb, '/reserved-memory') or '').split()
	print('Reserved-memory regions in the booted device tree, and the kernel\'s verdict:')
	missing = 0
	for name in nodes:
		node = '/reserved-memory/' + name
		pr = props(dtb, node)
		outcome, said = verdict(name, lines)
		status = fdt(dtb, node, 'status') or 'okay'
		if not outcome and status not in ('okay', 'ok'):
			outcome = f'not used: status = "{status}" (the kernel says nothing)'
		if outcome and outcome.startswith('CMA area') and 'linux,cma-default' in pr:
			second = any('a second linux,cma-default' in l for l in said)
			outcome = ('not the default: ' if second else 'default ') + outcome
		print(f'  {node}')
		print(f'      dt:      {region_text(dtb, node, pr)}')
		if not outcome:
			print('      verdict: NO MESSAGE (not reserved, or silently dropped)')
			missing += 1
			continue
		print(f'      verdict: {outcome}')
		for s in said:
			if s not in outcome:
				print(f'      kernel:  {s}')
	others = [l for l in lines if 'OVERLAP DETECTED' in l or
		  'default coherent area' in l or 'No reserved-memory node' in l]
	for l in others:
		print(f'  kernel: {l}')
	if not nodes:
		print('  (no /reserved-memory node)')
	if missing:
		print(f'  {missing} region(s) with no message from the kernel')
	return 0


if __name__ == '__main__':
	sys.exit(main())
