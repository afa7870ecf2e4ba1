#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print the coherent-pool benchmark of two boots side by side.

usage: bench-table.py BASE.log SERIES.log

Reads the "coherent_bench: pool=... metric=... workload=... seed=...
value=..." lines that the dma_coherent_bench KUnit cases print in each
console log, and prints three tables:

 - fill: share of the pool handed out at the first failure (fill) and after
   the random frees and refills (churn), the mean over the seeds and the
   range, base and series, and the difference in percentage points;
 - cost: one alloc+free pair, -icount ns (instructions), base, series,
   their ratio, whether the series is within the bound (at most the base
   plus 5% or 100, whichever is more), and the series' cost on each pool
   over its cost on the smallest;
 - longest: the longest single call seen on each pool.
"""

import re
import sys

LINE = re.compile(r'coherent_bench: pool=(\S+) size=(\d+)KiB metric=(\S+) '
		  r'workload=(\S+) seed=(\d+) value=([\d.]+) unit=(\S+)')


def read(path):
	rows = {}
	with open(path, errors='replace') as f:
		for line in f:
			m = LINE.search(line)
			if m:
				pool, size, metric, work, seed, value, unit = m.groups()
				key = (int(size), pool, metric, work)
				rows.setdefault(key, {})[int(seed)] = float(value)
	return rows


def pool_name(size):
	return f'{size // 1024} MiB' if size < 1 << 20 else f'{size >> 20} GiB'


def spread(vals):
	if not vals:
		return 'not run'
	v = list(vals.values())
	mean = sum(v) / len(v)
	return f'{mean:5.1f}% [{min(v):.1f}-{max(v):.1f}]'


def main():
	base, series = read(sys.argv[1]), read(sys.argv[2])
	if not base or not series:
		print('no benchmark figures in ' +
		      ' and '.join(p for p, r in zip(sys.argv[1:3], (base, series)) if not r))
		return 1
	keys = sorted(set(base) | set(series))
	nseeds = max(len(v) for v in series.values())

	print(f'fill: % of the pool handed out, mean [range] over {nseeds} seeds')
	print(f'{"pool":<8} {"metric":<6} {"workload":<12} {"base":>20} {"series":>20} {"diff":>7}')
	for key in keys:
		size, pool, metric, work = key
		if metric not in ('fill', 'churn'):
			continue
		b, s = base.get(key, {}), series.get(key, {})
		diff = '-'
		if b and s:
			diff = f'{sum(s.values()) / len(s) - sum(b.values()) / len(b):+.1f}'
		print(f'{pool_name(size):<8} {metric:<6} {work:<12} {spread(b):>20} {spread(s):>20} {diff:>7}')

	print()
	print('cost: one alloc+free pair, ns under -icount shift=0 (instructions)')
	print(f'{"pool":<8} {"fill":>4} {"pages":>5} {"base":>10} {"series":>8} {"ratio":>6} '
	      f'{"bound":>6} {"x smallest":>10}')
	smallest = {}
	bad = 0
	for key in keys:
		size, pool, metric, work = key
		if metric != 'cost':
			continue
		m = re.match(r'fill-(\d+)-pages-(\d+)', work)
		b = base.get(key, {}).get(0)
		s = series.get(key, {}).get(0)
		smallest.setdefault(work, s)
		ratio = f'{s / b:.3f}' if b and s is not None else '-'
		ok = '-'
		if b and s is not None:
			ok = 'ok' if s <= max(b * 1.05, b + 100) else 'OVER'
			bad += ok != 'ok'
		grow = f'{s / smallest[work]:.2f}' if s and smallest[work] else '-'
		bs = f'{b:.0f}' if b is not None else 'missing'
		ss = f'{s:.0f}' if s is not None else 'missing'
		print(f'{pool_name(size):<8} {m.group(1) + "%":>4} {m.group(2):>5} {bs:>10} {ss:>8} '
		      f'{ratio:>6} {ok:>6} {grow:>10}')

	print()
	print('longest single call, ns under -icount shift=0 (alloc includes zeroing the buffer)')
	print(f'{"pool":<8} {"case":<6} {"call":<13} {"base":>11} {"series":>9}')
	for key in keys:
		size, pool, metric, work = key
		if metric != 'longest':
			continue
		b = base.get(key, {}).get(0)
		s = series.get(key, {}).get(0)
		bs = f'{b:.0f}' if b is not None else '-'
		ss = f'{s:.0f}' if s is not None else '-'
		case, call = work.split('-', 1)
		print(f'{pool_name(size):<8} {case:<6} {call:<13} {bs:>11} {ss:>9}')
	if bad:
		print(f'\n{bad} cost rows over the bound')
	return 0


if __name__ == '__main__':
	sys.exit(main())
