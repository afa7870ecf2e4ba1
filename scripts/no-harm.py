#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The layouts and the verdicts of scripts/no-harm.sh.

no-harm.py layouts CORPUS_DIR OUT_DIR KERNEL_END
    Reads every DTB of the corpus, takes its /reserved-memory children and
    moves them so that the board's RAM starts where QEMU virt's does
    (0x40000000), or 1, 2 or 3 GiB above it when a fixed region would land on
    what QEMU and the kernel put there (the kernel image up to KERNEL_END, the
    initramfs and the DTB at 0x48000000). Writes one directory per distinct
    layout (graft.dtsi, meta.json: the boards, mem=, -m, the nodes) and
    OUT_DIR/summary.json (nodes outside what QEMU backs, layouts moved).

no-harm.py compare OUT_DIR A_NAME A_DIR B_NAME B_DIR [ID...]
    Compares node by node the boots of kernel A (the reference) and kernel B
    (A_DIR/ID.log, B_DIR/ID.log) and prints a line per layout that differs
    and the summary line. Exit status 1 if B is worse on any layout.
"""
import collections
import hashlib
import json
import os
import re
import struct
import sys

RAM = 0x40000000	# virt's RAM
GIB = 1 << 30
QEMU_MAX = 8 * GIB	# what a boot may ask QEMU to back
SPAN_MIN = 512 << 20
PAGE = 4096
INITRD = (0x48000000, 0x48200000)	# QEMU: initrd at RAM + 128 MiB, the DTB after it


class Node:
	def __init__(self, name):
		self.name, self.props, self.children = name, {}, []

	def child(self, name):
		return next((c for c in self.children if c.name == name), None)

	def cells(self, prop, default):
		v = self.props.get(prop)
		return struct.unpack('>I', v)[0] if v and len(v) == 4 else default


def parse_fdt(data):
	(magic, _, off_struct, off_strings, _, _, _, _, _, size_struct) = struct.unpack('>10I', data[:40])
	if magic != 0xd00dfeed:
		raise ValueError('not a DTB')
	pos, end, stack, root = off_struct, off_struct + size_struct, [], None
	while pos < end:
		tok, = struct.unpack('>I', data[pos:pos + 4])
		pos += 4
		if tok == 1:
			nul = data.index(b'\0', pos)
			node = Node(data[pos:nul].decode(errors='replace'))
			pos = (nul + 4) & ~3
			if stack:
				stack[-1].children.append(node)
			else:
				root = node
			stack.append(node)
		elif tok == 2:
			stack.pop()
		elif tok == 3:
			ln, nameoff = struct.unpack('>II', data[pos:pos + 8])
			pos += 8
			nul = data.index(b'\0', off_strings + nameoff)
			stack[-1].props[data[off_strings + nameoff:nul].decode()] = data[pos:pos + ln]
			pos = (pos + ln + 3) & ~3
		elif tok == 9:
			break
	return root


def numbers(v, cells):
	w = struct.unpack('>%dI' % (len(v) // 4), v[:len(v) // 4 * 4])
	out = []
	for i in range(0, len(w) - cells + 1, cells):
		n = 0
		for x in w[i:i + cells]:
			n = n << 32 | x
		out.append(n)
	return out


def pairs(v, ac, sc):
	n = numbers(v, 1) if v else []
	out, step = [], ac + sc
	for i in range(0, len(n) - step + 1, step):
		a = s = 0
		for x in n[i:i + ac]:
			a = a << 32 | x
		for x in n[i + ac:i + step]:
			s = s << 32 | x
		out.append((a, s))
	return out


def strings(v):
	return [s.decode(errors='replace') for s in v.split(b'\0')[:-1]] if v else []


def board_layout(root):
	"""The board's RAM and its /reserved-memory children, as found."""
	ac, sc = root.cells('#address-cells', 2), root.cells('#size-cells', 1)
	mem = []
	for c in root.children:
		if c.name.split('@')[0] == 'memory' or strings(c.props.get('device_type')) == ['memory']:
			mem += pairs(c.props.get('reg'), ac, sc)
	rm = root.child('reserved-memory')
	if rm is None or not rm.children:
		return None
	rac, rsc = rm.cells('#address-cells', ac), rm.cells('#size-cells', sc)
	nodes = []
	for c in rm.children:
		p = c.props
		size = numbers(p['size'], rsc) if 'size' in p else []
		align = numbers(p['alignment'], rsc) if 'alignment' in p else []
		nodes.append({
			'name': c.name, 'compatible': strings(p.get('compatible')),
			'reg': pairs(p.get('reg'), rac, rsc), 'size': size[0] if size else None,
			'alignment': align[0] if align else None,
			'alloc-ranges': pairs(p.get('alloc-ranges'), rac, rsc),
			'status': strings(p.get('status'))[0] if p.get('status') else None,
			'flags': [f for f in ('no-map', 'reusable', 'linux,cma-default', 'linux,dma-default') if f in p],
		})
	return mem, nodes


def overlaps(a, b, c, d):
	return a < d and c < b


def relocate(mem, nodes, kernel_end):
	"""The layout on virt: (nodes, mem_bytes, qemu_bytes, shift_gib, dropped) or None."""
	fixed = [r for n in nodes for r in n['reg'] if r[1]]
	where = fixed + [r for n in nodes for r in n['alloc-ranges'] if r[1]]
	base = min((a for a, _ in mem), default=None)
	if base is None:	# no memory node: the lowest region's 256 MiB, or anywhere
		base = min((a for a, _ in where), default=0) & ~((256 << 20) - 1)
	top = max((a + s for a, s in mem if s), default=0)
	span = top - base
	if span <= 0:	# memory of size 0, filled in by the bootloader: cover the regions
		span = max((a + s for a, s in where if base <= a < base + 4 * GIB), default=base) - base
		span = max(SPAN_MIN, (span + (256 << 20) - 1) & ~((256 << 20) - 1))
	span = max(span, SPAN_MIN // 4)	# a kernel needs some
	for shift in range(4):
		v0 = RAM + shift * GIB
		off = v0 - base
		if not any(overlaps(a + off, a + s + off, RAM, kernel_end) or
			   overlaps(a + off, a + s + off, *INITRD) for a, s in fixed):
			break
	else:
		return None
	kmem = min(v0 - RAM + span, QEMU_MAX)
	out, dropped, qtop = [], [], RAM + kmem
	for n in nodes:
		n = dict(n)
		ok = lambda a, s: a + off >= RAM and a + s + off <= RAM + QEMU_MAX
		if any(not ok(a, s) for a, s in n['reg']) or \
		   (n['alloc-ranges'] and not any(ok(a, s) for a, s in n['alloc-ranges'])):
			dropped.append(n['name'])
			continue
		n['reg'] = [(a + off, s) for a, s in n['reg']]
		n['alloc-ranges'] = [(a + off, s) for a, s in n['alloc-ranges'] if ok(a, s)]
		qtop = max([qtop] + [a + s for a, s in n['reg']])
		out.append(n)
	qmem = (qtop - RAM + (256 << 20) - 1) & ~((256 << 20) - 1)
	qmem = max(qmem, kmem + (256 << 20)) if qmem <= kmem else qmem	# room above mem= as on boards
	return out, kmem, min(qmem, QEMU_MAX), shift, dropped


def cells2(v):
	return '0x%x 0x%x' % (v >> 32, v & 0xffffffff)


def graft(nodes):
	out = ['/ {', '\treserved-memory {', '\t\t#address-cells = <2>;', '\t\t#size-cells = <2>;', '\t\tranges;']
	for n in nodes:
		out.append('\t\t%s {' % n['name'])
		if n['compatible']:
			out.append('\t\t\tcompatible = %s;' % ', '.join('"%s"' % s for s in n['compatible']))
		if n['reg']:
			out.append('\t\t\treg = <%s>;' % ' '.join(cells2(a) + ' ' + cells2(s) for a, s in n['reg']))
		for p in ('size', 'alignment'):
			if n[p] is not None:
				out.append('\t\t\t%s = <%s>;' % (p, cells2(n[p])))
		if n['alloc-ranges']:
			out.append('\t\t\talloc-ranges = <%s>;' % ' '.join(cells2(a) + ' ' + cells2(s) for a, s in n['alloc-ranges']))
		out += ['\t\t\t%s;' % f for f in n['flags']]
		if n['status']:
			out.append('\t\t\tstatus = "%s";' % n['status'])
		out.append('\t\t};')
	return '\n'.join(out + ['\t};', '};', ''])


def layouts(corpus, outdir, kernel_end):
	kernel_end = int(kernel_end, 0)
	seen, stats = {}, collections.Counter()
	dropped = collections.Counter()
	for f in open(os.path.join(corpus, 'list')).read().split():
		stats['dtbs'] += 1
		try:
			b = board_layout(parse_fdt(open(os.path.join(corpus, f), 'rb').read()))
		except (ValueError, struct.error, IndexError):
			stats['unreadable'] += 1
			continue
		if not b:
			continue
		stats['with /reserved-memory children'] += 1
		r = relocate(*b, kernel_end)
		if r is None:
			stats['no place on virt'] += 1
			continue
		nodes, kmem, qmem, shift, drop = r
		stats['nodes'] += len(b[1])
		stats['nodes outside what QEMU backs'] += len(drop)
		for d in drop:
			dropped[f] += 1
		text = graft(nodes)
		key = hashlib.sha1(('%s %d %d' % (text, kmem, qmem)).encode()).hexdigest()[:12]
		if key not in seen:
			seen[key] = {'id': key, 'boards': [], 'mem': kmem, 'qemu': qmem, 'shift_gib': shift,
				     'nodes': nodes, 'dropped': drop}
			d = os.path.join(outdir, key)
			os.makedirs(d, exist_ok=True)
			open(os.path.join(d, 'graft.dtsi'), 'w').write(text)
		seen[key]['boards'].append(f)
	stats['layouts'] = len(seen)
	stats['layouts moved'] = sum(1 for v in seen.values() if v['shift_gib'])
	for k, v in seen.items():
		json.dump(v, open(os.path.join(outdir, k, 'meta.json'), 'w'), indent=1)
	# The list, in the order of the first board of each: a sample takes every Nth.
	ids = sorted(seen, key=lambda k: seen[k]['boards'][0])
	open(os.path.join(outdir, 'ids'), 'w').write('\n'.join(ids) + '\n')
	json.dump({'stats': stats, 'dropped': dropped}, open(os.path.join(outdir, 'summary.json'), 'w'), indent=1)
	print('layouts: %d DTBs, %d with /reserved-memory children, %d nodes, %d distinct layouts, '
	      '%d moved above the kernel, %d nodes outside what QEMU backs (in %d DTBs), %d DTBs with no place' %
	      (stats['dtbs'], stats['with /reserved-memory children'], stats['nodes'], stats['layouts'],
	       stats['layouts moved'], stats['nodes outside what QEMU backs'], len(dropped), stats['no place on virt']))


# What a boot printed and what the probe found.
SPLAT = re.compile(r'WARNING:|BUG:|Oops|Unable to handle kernel|Kernel panic|KASAN:|UBSAN:|Call trace:')
PLACED = re.compile(r'OF: reserved mem: 0x([0-9a-f]+)\.\.0x([0-9a-f]+) \(\d+ KiB\) \S+ \S+ (\S+)$')
INIT = re.compile(r'OF: reserved mem: initialized node (\S+), compatible id (\S+)$')
POOL = re.compile(r'Reserved memory: created (DMA|CMA|restricted DMA) (?:memory )?pool at 0x([0-9a-f]+)')
STAMP = re.compile(r'^\[\s*\d+\.\d+\] ')


class Boot:
	def __init__(self, path):
		self.ok, self.lines, self.splats = False, [], []
		self.placed, self.init, self.pools, self.cma, self.runs = {}, {}, [], [], []
		try:
			text = open(path, errors='replace').read()
		except OSError:
			return
		probe = False
		for raw in text.splitlines():
			line = STAMP.sub('', raw.rstrip('\r'))
			if line == '== probe':
				probe = True
				continue
			if probe:
				w = line.split()
				if line == 'probe: done':
					self.ok = True
				elif w[:1] == ['cma'] and len(w) == 4:
					self.cma.append((int(w[2]) * PAGE, int(w[3]) * PAGE))
				elif w[:1] == ['pages'] and len(w) == 4:
					self.runs.append((int(w[1], 16), int(w[2], 16), w[3]))
				continue
			if not STAMP.match(raw):
				continue	# QEMU's and the console's own lines
			self.lines.append(line)
			if SPLAT.search(line):
				self.splats.append(line)
			m = PLACED.search(line)
			if m:
				self.placed.setdefault(m.group(3), []).append((int(m.group(1), 16), int(m.group(2), 16) + 1))
			m = INIT.search(line)
			if m:
				self.init[m.group(1)] = m.group(2)
			m = POOL.search(line)
			if m:
				self.pools.append((m.group(1), int(m.group(2), 16)))

	def classes(self, a, b):
		"""Pages of [a, b) by class: o (page allocator), r (reserved), n (none)."""
		c = collections.Counter()
		if b <= a:
			return c
		first, last = a // PAGE, (b - 1) // PAGE
		for s, e, k in self.runs:
			lo, hi = max(s, first), min(e, last)
			if lo <= hi:
				c[k] += hi - lo + 1
		c['n'] += (last - first + 1) - sum(c.values())
		return c

	def node(self, n):
		ranges = self.placed.get(n['name']) or [(a, a + s) for a, s in n['reg'] if s]
		inside = lambda x: any(a <= x < b for a, b in ranges)
		cma = [(a, s) for a, s in self.cma if inside(a)]
		owned = sum(self.classes(a, b)['o'] for a, b in ranges)
		in_cma = sum(self.classes(a, a + s)['o'] for a, s in cma)
		return {'ranges': sorted(ranges), 'owned': owned - in_cma, 'cma': sorted(cma),
			'pools': sorted(k for k, a in self.pools if inside(a)), 'init': self.init.get(n['name']),
			'reserved': sum(self.classes(a, b)['r'] for a, b in ranges)}


def masked(line, names):
	for n in sorted(names, key=len, reverse=True):	# whole names; one without @unit only in a path or quoted
		pre = r'(?<![\w,.@+-])' if '@' in n else r"(?<=[/'\"])"
		line = re.sub(pre + re.escape(n) + r'(?![\w,.@+-])', '<node>', line)
	return re.sub(r'0x[0-9a-f]+|\b[0-9a-f]{8,16}\b|\d+', '#', line)


def verdict(a, b, meta):
	"""(worse reasons, differences) of boot b against boot a."""
	worse, diff = [], []
	if not a.ok and not b.ok:
		return ['neither kernel finished'], []
	if a.ok and not b.ok:
		return ['did not finish'], []
	if not a.ok:
		return [], ['only %s finished' % 'the second']
	if len(b.splats) > len(a.splats):
		worse.append('splat: ' + b.splats[0])
	for n in meta['nodes']:
		x, y = a.node(n), b.node(n)
		if x == y:
			continue
		why = []
		if y['owned'] > x['owned']:
			why.append('%d more pages to the page allocator' % (y['owned'] - x['owned']))
		if len(y['cma']) < len(x['cma']):
			why.append('no CMA area')
		if len(y['pools']) < len(x['pools']):
			why.append('no pool')
		if x['ranges'] and not y['ranges']:
			why.append('not placed')
		if x['init'] and not y['init']:
			why.append('not initialized')
		if why:
			worse.append('%s: %s' % (n['name'], ', '.join(why)))
		else:
			diff.append('%s: %s -> %s' % (n['name'], x, y))
	return worse, diff


def compare(outdir, an, adir, bn, bdir, *ids):
	ids = ids or open(os.path.join(outdir, 'ids')).read().split()
	inherent = set()
	if os.path.exists(os.path.join(adir, 'empty.log')):	# what B prints on every board
		inherent = {masked(l, []) for l in Boot(os.path.join(bdir, 'empty.log')).lines} - \
			   {masked(l, []) for l in Boot(os.path.join(adir, 'empty.log')).lines}
	n = nworse = ndiff = nnew = 0
	kinds = collections.defaultdict(set)
	for i in ids:
		meta = json.load(open(os.path.join(outdir, i, 'meta.json')))
		a, b = Boot(os.path.join(adir, i + '.log')), Boot(os.path.join(bdir, i + '.log'))
		n += 1
		worse, diff = verdict(a, b, meta)
		names = [x['name'] for x in meta['nodes']] + [x['name'].split('@')[0] for x in meta['nodes']]
		seen = {masked(l, []) for l in a.lines} | inherent
		new = sorted({masked(l, names) for l in b.lines if masked(l, []) not in seen})
		board = '%s (%s%s)' % (i, meta['boards'][0], ' +%d' % (len(meta['boards']) - 1) if len(meta['boards']) > 1 else '')
		for w in worse:
			print('WORSE %s: %s' % (board, w))
		for d in diff:
			print('DIFFERENT %s: %s' % (board, d))
		for l in new:
			kinds[l].add(i)
		nworse += bool(worse)
		ndiff += bool(diff) and not worse
		nnew += bool(new)
	if kinds:
		print('new lines of %s, by kind (layouts):' % bn)
		for k, v in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
			print('  %4d  %s' % (len(v), k))
	print('%d layouts booted, %d worse, %d different, %d with new lines (%s against %s)' %
	      (n, nworse, ndiff, nnew, bn, an))
	return 1 if nworse else 0


if __name__ == '__main__':
	cmd = sys.argv[1] if len(sys.argv) > 1 else ''
	if cmd == 'layouts' and len(sys.argv) == 5:
		layouts(*sys.argv[2:])
	elif cmd == 'compare' and len(sys.argv) >= 7:
		sys.exit(compare(*sys.argv[2:]))
	else:
		sys.exit(__doc__)
