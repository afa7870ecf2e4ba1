#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Side-by-side benchmark of the coherent pools: builds the kernel of the
# series up to $BENCH_BASE (the base with the tests and the benchmark) and
# the kernel of the whole series, boots both on the same device tree under
# QEMU with -icount (time counted in instructions, so the figures repeat),
# and prints one table with both and their ratio. Figures, not a test.
. "$(dirname "$0")/lib.sh"

phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
mkdir -p "$LOGS"

base=
for c in $(git -C "$WT" rev-list "$BASE_TAG"..HEAD); do
	[ "$(git -C "$WT" log -1 --format=%s "$c")" = "$BENCH_BASE" ] && base=$c
done
[ -n "$base" ] || die "no patch \"$BENCH_BASE\" (BENCH_BASE in series.conf) in the work tree"

phase build-series logged "$LOGS/bench-build-series.log" "$TOP/scripts/kunit.sh" build --jobs="$JOBS" ||
	die "build failed: $LOGS/bench-build-series.log"
if [ "$base" = "$(git -C "$WT" rev-parse HEAD)" ]; then
	msg "note: no patch after \"$BENCH_BASE\": the base and the series are the same kernel"
	base_out=$KOUT
else
	bt=$BUILD/bench-base
	base_out=$BUILD/bench-base-out
	[ -e "$bt/.git" ] || git -C "$WT" worktree add -q --detach "$bt" "$base"
	git -C "$bt" checkout -q --detach "$base"
	phase build-base logged "$LOGS/bench-build-base.log" \
		env KUNIT_TREE="$bt" KUNIT_OUT="$base_out" "$TOP/scripts/kunit.sh" build --jobs="$JOBS" ||
		die "build failed: $LOGS/bench-build-base.log"
fi

# Both boot with the work tree's QEMU config and overlay: the same machine.
boot() {
	KUNIT_OUT=$1 "$TOP/scripts/kunit.sh" exec --raw_output=all --timeout=600 \
		'no-test-matches-this' --kernel_args="coherent_benchmark.nodes=$BENCH_NODES" \
		--qemu_args='-icount shift=0,align=off,sleep=off'
}
phase boot-base logged "$LOGS/bench-base.log" boot "$base_out"
phase boot-series logged "$LOGS/bench-series.log" boot "$KOUT"
echo "base:   $(git -C "$WT" log -1 --format='%h %s' "$base")"
echo "series: $(git -C "$WT" log -1 --format='%h %s' HEAD)"
python3 "$TOP/scripts/bench-table.py" "$LOGS/bench-base.log" "$LOGS/bench-series.log" |
	tee "$LOGS/bench-table.txt"
