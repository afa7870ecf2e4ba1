#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the coherent-pool allocator of each revision given as LABEL=REV
# (default: base=base-7.3.4 series=b4/07-dma-mapping), run each one's bench
# pinned to one CPU, ROUNDS times in turn so that a change of the machine's
# load falls on all alike, and print one table of the revisions side by
# side: per figure the median of the rounds, ratios to the first revision.
#
#   native/coherent/bench.sh [LABEL=REV[+PATCH]...]   (OUTPUT=dir CPU=n RUNS=n ROUNDS=n)
#
# REV+PATCH builds REV's coherent.c with PATCH (a file) applied.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUTPUT:-$here/out}
cpu=${CPU:-$(($(nproc) - 1))}
runs=${RUNS:-201}
rounds=${ROUNDS:-3}
kernel=${KERNEL:-$here/../../build/linux}
[ $# -gt 0 ] || set -- base=base-7.3.4 series=b4/07-dma-mapping
names=()
for arg in "$@"; do
	name=${arg%%=*} rev=${arg#*=}
	[ "$name" != "$arg" ] || { echo "bench.sh: $arg: not LABEL=REV" >&2; exit 2; }
	if [[ $rev == *+* ]]; then	# REV+PATCH: REV's coherent.c with PATCH applied
		mkdir -p "$out" && src=$out/$name-coherent.c
		git -C "$kernel" show "${rev%%+*}:kernel/dma/coherent.c" > "$src" &&
			patch -s "$src" < "${rev#*+}" ||
			{ echo "bench.sh: $name: ${rev#*+} does not apply to ${rev%%+*}" >&2; exit 1; }
		what=(SRC="$src")
	else
		what=(REV="$rev")
	fi
	make -s -C "$here" "${what[@]}" NAME="$name" OUTPUT="$out" >/dev/null ||
		{ echo "bench.sh: $name: the build of $rev failed" >&2; exit 1; }
	names+=("$name")
	rm -f "$out/$name/bench.txt"
done
for r in $(seq "$rounds"); do
	for n in "${names[@]}"; do
		echo "round $r/$rounds: $n" >&2
		"$out/$n/bench" -k -c "$cpu" -r "$runs" >> "$out/$n/bench.txt"
	done
done
model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "coherent-pool allocator, kernel/dma/coherent.c built natively (gcc -O2)"
echo "CPU: $model, pinned to CPU $cpu; $(date -u +%F)"
echo "alloc+free pair: median of $runs pairs, median of $rounds rounds, ns; pools fragmented"
echo "to the fill by a fixed-seed pattern of powers of two of 1-64 pages with random frees,"
echo "which every revision places alike; first failure: mixed 1-64 pages, 40% frees;"
echo "ratio = revision / ${names[0]}"
awk -v names="${names[*]}" -v outdir="$out" '
BEGIN {
	n = split(names, rev, " ")
	for (i = 1; i <= n; i++) {
		f = outdir "/" rev[i] "/bench.txt"
		while ((getline line < f) > 0) {
			split(line, a, " ")
			if (a[1] == "pair" || a[1] == "irqoff") { k = a[1] " " a[2] " " a[3] "% " a[4] "p"; v = a[5] }
			else if (a[1] == "firstfail") { k = "ff " a[2] " seed" a[3]; v = a[4] "(" a[5] ")"; bf[k] = a[6] }
			else { k = a[1] " " a[2]; v = a[3] }
			if (!(k in seen)) { seen[k] = 1; keys[++nk] = k }
			all[i, k] = (i, k) in all ? all[i, k] " " v : v
		}
	}
	for (ik in all) {	# the median of the rounds (the first, if not numbers)
		m = split(all[ik], r, " ")
		if (r[1] !~ /^[0-9.]+$/) { val[ik] = r[1]; continue }
		for (x = 2; x <= m; x++) for (y = x; y > 1 && r[y - 1] + 0 > r[y] + 0; y--) { t = r[y]; r[y] = r[y - 1]; r[y - 1] = t }
		val[ik] = r[int((m + 1) / 2)]
	}
	hdr = sprintf("%-22s", "")
	for (i = 1; i <= n; i++)
		hdr = hdr sprintf(" %18s", rev[i]) (i > 1 ? sprintf(" %8s", "ratio") : "")
	section("alloc+free pair, ns with interrupts off (the lock held): pool fill request")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^irqoff/) row(keys[j], 1)
	section("alloc+free pair, ns of the whole calls (zeroing the buffer included)")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^pair/) row(keys[j], 1)
	for (x = 1; x <= 2; x++) {
		what = x == 1 ? "irqoff" : "pair"
		section("1 GiB / 16 MiB, " what ", each revision: pool fill request")
		for (j = 1; j <= nk; j++) if (keys[j] ~ ("^" what " 16M ")) {
			k1 = keys[j]; sub(/ 16M /, " 1G ", k1)
			s = sprintf("%-22s", substr(keys[j], length(what) + 6))
			for (i = 1; i <= n; i++)
				s = s sprintf(" %18s", val[i, keys[j]] > 0 && val[i, k1] ~ /^[0-9.]+$/ ? sprintf("%.2fx", val[i, k1] / val[i, keys[j]]) : "-") (i > 1 ? sprintf(" %8s", "") : "")
			print s
		}
	}
	section("worst single call on the 1 GiB pool during its prefills, ns (irqoff: the lock held)")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^worst/) row(keys[j], 1)
	section("longest call: a request refused after the whole 1 GiB bitmap is searched, ns with the lock held")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^refused/) row(keys[j], 1)
	section("metadata, bytes per pool page")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^meta/) row(keys[j], 1)
	section("fill at the first failure, random workload, % of pages in use (% requested), then best fit")
	for (j = 1; j <= nk; j++) if (keys[j] ~ /^ff/) row(keys[j], 0, sprintf(" %10s", bf[keys[j]]))
}
function section(t) { print ""; print t; print hdr }
function row(k, ratio, tail,   s, i) {
	s = sprintf("%-22s", k)
	for (i = 1; i <= n; i++) {
		s = s sprintf(" %18s", val[i, k])
		if (i > 1)
			s = s sprintf(" %8s", ratio && val[1, k] > 0 && val[i, k] ~ /^[0-9.]+$/ ? sprintf("%.3fx", val[i, k] / val[1, k]) : "")
	}
	print s tail
}'
