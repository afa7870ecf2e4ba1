#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench-table.py BASE.log SERIES.log: the dma_coherent_bench figures of two consoles side by side,
# one row per pool, metric and workload: the mean over the seeds [min-max] and series/base.
import re, sys
LINE = re.compile(r'coherent_bench: pool=(\S+) size=(\d+)KiB metric=(\S+) workload=(\S+) seed=\d+ value=([\d.]+)')
runs = [{} for _ in sys.argv[1:3]]
for path, rows in zip(sys.argv[1:3], runs):
	for m in filter(None, map(LINE.search, open(path, errors='replace'))):
		rows.setdefault((int(m[2]), m[1], m[3], m[4]), []).append(float(m[5]))
	rows or sys.exit(f'no benchmark figures in {path}')
def show(v): return f'{sum(v) / len(v):.1f}' + (f' [{min(v):.1f}-{max(v):.1f}]' if len(v) > 1 else '') if v else '-'
print('fill and churn: % of the pool handed out; cost: ns per alloc+free pair and longest: ns per call, '
      'both under -icount shift=0, so instructions')
print(f'{"pool":<11} {"metric":<7} {"workload":<22} {"base":>22} {"series":>22} {"ratio":>6}')
for k in sorted(set(runs[0]) | set(runs[1])):
	b, s = (r.get(k, []) for r in runs)
	ratio = f'{sum(s) / sum(b) * len(b) / len(s):.3f}' if b and s and sum(b) else '-'
	print(f'{k[0] >> 10:>6} MiB {k[2]:<7} {k[3]:<22} {show(b):>22} {show(s):>22} {ratio:>6}')
