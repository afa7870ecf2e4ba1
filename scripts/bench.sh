#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Side-by-side benchmark of the coherent pools: builds the kernel of the
# series up to $BENCH_BASE (the base with the tests and the benchmark) and
# the kernel of the whole series, both with CONFIG_DMA_COHERENT_BENCHMARK
# (the dma_coherent_bench KUnit cases skip without it), boots both on the
# benchmark's overlay ($BENCH_DTSO, $BENCH_MEM MiB of RAM) under QEMU with
# -icount (time counted in instructions, so the figures repeat), and prints
# one table with both. Figures, not a test.
#
# BENCH_TREE names another kernel work tree than build/linux (its HEAD is
# the series); the build directories are build/bench-{base,series}-out, or
# BENCH_BASE_OUT and BENCH_SERIES_OUT; BENCH_BASE_TREE the work tree the
# base is checked out in (build/bench-base).
#
# The two kernels boot at once, one QEMU each. The base's figures depend
# only on the base, the overlay and the RAM: its log is kept under a name
# made of those, and a later run with the same ones reuses it (the base
# takes far longer than the series); BENCH_FRESH=1 boots it again.
# BENCH_BASE_ARGS (series.conf) are kernel arguments for the base's boot.
. "$(dirname "$0")/lib.sh"

phase deps "$TOP/scripts/deps.sh"
if [ -n "${BENCH_TREE:-}" ]; then
	WT=$BENCH_TREE
else
	phase tree "$TOP/scripts/tree.sh" --ensure
fi
mkdir -p "$LOGS"
series_out=${BENCH_SERIES_OUT:-$BUILD/bench-series-out}
base_out=${BENCH_BASE_OUT:-$BUILD/bench-base-out}
bt=${BENCH_BASE_TREE:-$BUILD/bench-base}
extra=$(mktemp --suffix=.config)
trap 'rm -f "$extra"' EXIT
echo CONFIG_DMA_COHERENT_BENCHMARK=y > "$extra"

base=
for c in $(git -C "$WT" rev-list "$BASE_TAG"..HEAD); do
	[ "$(git -C "$WT" log -1 --format=%s "$c")" = "$BENCH_BASE" ] && base=$c
done
[ -n "$base" ] || die "no patch \"$BENCH_BASE\" (BENCH_BASE in series.conf) in the work tree"

build() {	# build TREE OUT
	KUNIT_TREE=$1 KUNIT_OUT=$2 KUNIT_EXTRA_CONFIG=$extra \
		"$TOP/scripts/kunit.sh" build --jobs="$JOBS"
}
phase build-series logged "$LOGS/bench-build-series.log" build "$WT" "$series_out" ||
	die "build failed: $LOGS/bench-build-series.log"
if [ "$base" = "$(git -C "$WT" rev-parse HEAD)" ]; then
	msg "note: no patch after \"$BENCH_BASE\": the base and the series are the same kernel"
	base_out=$series_out
else
	[ -e "$bt/.git" ] || git -C "$WT" worktree add -q --detach "$bt" "$base"
	git -C "$bt" checkout -q --detach "$base"
	phase build-base logged "$LOGS/bench-build-base.log" build "$bt" "$base_out" ||
		die "build failed: $LOGS/bench-build-base.log"
fi

# Both boot with the work tree's kunit.py, QEMU config and overlay: the same
# machine. The cases are slow (3 x kunit.timeout each); under -icount the
# guest's clock counts instructions, so give them room.
boot() {	# boot OUT [KUNIT.PY ARGS]
	local out=$1
	shift
	KUNIT_TREE=$WT KUNIT_OUT=$out KUNIT_RMEM_MEM=$BENCH_MEM KUNIT_RMEM_DTSO=$WT/$BENCH_DTSO \
		"$TOP/scripts/kunit.sh" exec --raw_output=all --timeout=7200 \
		'dma_coherent_bench' --kernel_args=kunit.timeout=3600 \
		--qemu_args='-icount shift=0,align=off,sleep=off' "$@"
}
key=$( { git -C "$WT" rev-parse "$base^{tree}"; sha256sum < "$WT/$BENCH_DTSO"
	echo "$BENCH_MEM ${BENCH_BASE_ARGS:-}"; } | sha256sum | cut -c1-16)
base_log=$LOGS/bench-base-$key.log
if [ "${BENCH_FRESH:-0}" = 1 ] || ! grep -q '^\[.*\] ok [0-9]* dma_coherent_bench' "$base_log" 2>/dev/null; then
	phase boot-base logged "$base_log.tmp" boot "$base_out" ${BENCH_BASE_ARGS:+"--kernel_args=$BENCH_BASE_ARGS"} &
	pid=$!
	phase boot-series logged "$LOGS/bench-series.log" boot "$series_out"
	wait "$pid" || true
	mv "$base_log.tmp" "$base_log"
else
	msg "base: reusing $base_log (same base, overlay and RAM; BENCH_FRESH=1 to boot it again)"
	phase boot-series logged "$LOGS/bench-series.log" boot "$series_out"
fi
ln -sf "$(basename "$base_log")" "$LOGS/bench-base.log"
echo "base:   $(git -C "$WT" log -1 --format='%h %s' "$base")"
echo "series: $(git -C "$WT" log -1 --format='%h %s' HEAD)"
python3 "$TOP/scripts/bench-table.py" "$LOGS/bench-base.log" "$LOGS/bench-series.log" |
	tee "$LOGS/bench-table.txt"
