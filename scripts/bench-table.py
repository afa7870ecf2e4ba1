#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench-table.py BASE.log SERIES.log: the dma_coherent_bench figures of two consoles side
# by side: fill and churn, mean [range] over the seeds; the cost of an alloc+free pair and
# its bound (the base plus 5% or 100, whichever is more); the longest single call.
import re, sys
LINE = re.compile(r'coherent_bench: pool=(\S+) size=(\d+)KiB metric=(\S+) workload=(\S+) seed=(\d+) value=([\d.]+)')
def read(path):
	rows = {}
	for m in filter(None, map(LINE.search, open(path, errors='replace'))):
		rows.setdefault((int(m[2]), m[1], m[3], m[4]), {})[int(m[5])] = float(m[6])
	return rows
def name(size): return f'{size // 1024} MiB' if size < 1 << 20 else f'{size >> 20} GiB'
def mean(v): return sum(v.values()) / len(v)
def spread(v): return f'{mean(v):5.1f}% [{min(v.values()):.1f}-{max(v.values()):.1f}]' if v else 'not run'
def fmt(v, none): return none if v is None else f'{v:.0f}'
base, series = read(sys.argv[1]), read(sys.argv[2])
if not base or not series:
	sys.exit('no benchmark figures in ' + ' and '.join(p for p, r in zip(sys.argv[1:3], (base, series)) if not r))
rows = {m: [(k[0], k[2], k[3], base.get(k, {}), series.get(k, {})) for k in sorted(set(base) | set(series))
	    if k[2] in m.split()] for m in ('fill churn', 'cost', 'longest')}
print(f'fill: % of the pool handed out, mean [range] over {max(map(len, series.values()))} seeds')
print(f'{"pool":<8} {"metric":<6} {"workload":<12} {"base":>20} {"series":>20} {"diff":>7}')
for size, metric, work, b, s in rows['fill churn']:
	diff = f'{mean(s) - mean(b):+.1f}' if b and s else '-'
	print(f'{name(size):<8} {metric:<6} {work:<12} {spread(b):>20} {spread(s):>20} {diff:>7}')
print('\ncost: one alloc+free pair, ns under -icount shift=0 (instructions)')
print(f'{"pool":<8} {"fill":>4} {"pages":>5} {"base":>10} {"series":>8} {"ratio":>6} {"bound":>6} {"x smallest":>10}')
smallest, over = {}, 0
for size, metric, work, b, s in rows['cost']:
	fill, pages = re.match(r'fill-(\d+)-pages-(\d+)', work).groups()
	b, s = b.get(0), s.get(0)
	first = smallest.setdefault(work, s)
	ok = '-' if not b or s is None else 'ok' if s <= max(b * 1.05, b + 100) else 'OVER'
	over += ok == 'OVER'
	ratio = f'{s / b:.3f}' if b and s is not None else '-'
	grow = f'{s / first:.2f}' if s and first else '-'
	print(f'{name(size):<8} {fill + "%":>4} {pages:>5} {fmt(b, "missing"):>10} {fmt(s, "missing"):>8} {ratio:>6} {ok:>6} {grow:>10}')
print('\nlongest single call, ns under -icount shift=0 (alloc includes zeroing the buffer)')
print(f'{"pool":<8} {"case":<6} {"call":<13} {"base":>11} {"series":>9}')
for size, metric, work, b, s in rows['longest']:
	print(f'{name(size):<8} {work.split("-", 1)[0]:<6} {work.split("-", 1)[1]:<13} {fmt(b.get(0), "-"):>11} {fmt(s.get(0), "-"):>9}')
if over:
	print(f'\n{over} cost rows over the bound')
