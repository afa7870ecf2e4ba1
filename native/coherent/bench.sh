#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the coherent-pool allocator of base-7.3.4, b4/06-dma-mapping and
# any other revision given, run each one's bench pinned to one CPU, and
# print one table with the revisions side by side and ratios to the base.
#
#   native/coherent/bench.sh [REV...]     (OUTPUT=dir CPU=n RUNS=n)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUTPUT:-$here/out}
cpu=${CPU:-$(($(nproc) - 1))}
runs=${RUNS:-201}
revs=(base-7.3.4 b4/06-dma-mapping "$@")
names=()
for rev in "${revs[@]}"; do
	make -s -C "$here" REV="$rev" OUTPUT="$out" >/dev/null
	names+=("${rev//\//_}")
done
for n in "${names[@]}"; do
	echo "running $n" >&2
	"$out/$n/bench" -k -c "$cpu" -r "$runs" > "$out/$n/bench.txt"
done
model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "coherent-pool allocator, kernel/dma/coherent.c built natively (gcc -O2)"
echo "CPU: $model, pinned to CPU $cpu; $(date -u +%F)"
echo "alloc+free pair: median of $runs, ns; pools fragmented to the fill by a fixed-seed"
echo "mixed-size pattern (1-64 pages) with random frees; ratio = revision / base"
awk -v names="${names[*]}" -v outdir="$out" '
BEGIN {
	n = split(names, rev, " ")
	for (i = 1; i <= n; i++) {
		f = outdir "/" rev[i] "/bench.txt"
		while ((getline line < f) > 0) {
			split(line, a, " ")
			if (a[1] == "pair") { k = a[2] " " a[3] "% " a[4] "p"; v = a[5] }
			else if (a[1] == "firstfail") { k = "ff " a[2] " seed" a[3]; v = a[4] " (" a[5] ")" }
			else { k = a[1] " " a[2]; v = a[3] }
			if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
			val[i, k] = v
		}
	}
	hdr = sprintf("%-22s", "")
	for (i = 1; i <= n; i++)
		hdr = hdr sprintf(" %18s", rev[i]) (i > 1 ? sprintf(" %8s", "ratio") : "")
	section("alloc+free pair, ns: pool fill request")
	for (j = 1; j <= nk; j++) if (keys[j] !~ /^(ff|worst|meta)/) row(keys[j], 1)
	section("worst single call on the 1 GiB pool during its prefills, ns of thread CPU time")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^worst/) row(keys[j], 1)
	section("metadata, bytes per pool page")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^meta/) row(keys[j], 1)
	section("fill at the first failure, random workload, % of pages in use (% requested)")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^ff/) row(keys[j], 0)
}
function section(t) { print ""; print t; print hdr }
function row(k, ratio,   s, i) {
	s = sprintf("%-22s", k)
	for (i = 1; i <= n; i++) {
		s = s sprintf(" %18s", val[i, k])
		if (i > 1)
			s = s sprintf(" %8s", ratio && val[1, k] > 0 && val[i, k] ~ /^[0-9.]+$/ ? sprintf("%.3fx", val[i, k] / val[1, k]) : "")
	}
	print s
}'
