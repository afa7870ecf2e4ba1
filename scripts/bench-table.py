#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print the coherent-pool benchmark of two boots side by side.

usage: bench-table.py BASE.log SERIES.log

Reads the "coherent_benchmark: pool=... metric=... value=..." lines of
each console log and prints one row per figure: base, series, series/base.
For fill, higher is better; for cost, lower is better.
"""

import re
import sys

LINE = re.compile(r'coherent_benchmark: pool=(\S+) size=(\d+)KiB metric=(\S+) '
		  r'workload=(\S+) value=([\d.]+) unit=(\S+)')


def read(path):
	rows = {}
	with open(path, errors='replace') as f:
		for line in f:
			m = LINE.search(line)
			if m:
				pool, size, metric, work, value, unit = m.groups()
				rows[(pool, int(size), metric, work)] = (float(value), unit)
	return rows


def main():
	base, series = read(sys.argv[1]), read(sys.argv[2])
	if not base or not series:
		print('no benchmark figures in ' +
		      ' and '.join(p for p, r in zip(sys.argv[1:3], (base, series)) if not r))
		return 1
	print(f'{"pool":<24} {"metric":<10} {"workload":<12} {"base":>10} {"series":>10} {"ratio":>6}')
	for key in base:
		pool, size, metric, work = key
		b, unit = base[key]
		s = series.get(key, (None, unit))[0]
		u = '%' if unit == '%' else ' ' + unit
		ratio = f'{s / b:.2f}' if s is not None and b else '-'
		bval = f'{b:.1f}{u}'
		sval = f'{s:.1f}{u}' if s is not None else 'missing'
		name = f'{pool.removesuffix("-consumer")} ({size} KiB)'
		print(f'{name:<24} {metric:<10} {work:<12} {bval:>10} {sval:>10} {ratio:>6}')
	return 0


if __name__ == '__main__':
	sys.exit(main())
