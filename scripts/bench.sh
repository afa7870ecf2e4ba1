#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench: the coherent-pool benchmark (dma_coherent_bench) of the series up to
# BENCH_BASE and of the whole series, booted at once under QEMU -icount on BENCH_DTSO;
# one table with both. The base's console is kept under a key of its tree, the
# overlay, the RAM and BENCH_BASE_ARGS; BENCH_FRESH=1 boots it again.
. "$(dirname "$0")/lib.sh"
phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
base=$(git -C "$WT" log --format='%H %s' "$BASE_TAG"..HEAD | awk -v s="$BENCH_BASE" 'substr($0, 42) == s { print $1 }')
bt=$BUILD/bench-base && mkdir -p "$LOGS" && [ -n "$base" ] || die "no patch \"$BENCH_BASE\" (series.conf)"
[ -e "$bt/.git" ] || git -C "$WT" worktree add -q --detach "$bt" "$base"
git -C "$bt" checkout -q --detach "$base"
export KUNIT_EXTRA_CONFIG=$BUILD/bench.config
echo CONFIG_DMA_COHERENT_BENCHMARK=y > "$KUNIT_EXTRA_CONFIG"
KUNIT_OUT=$BUILD/bench-series-out phase build-series logged "$LOGS/bench-build-series.log" \
	"$TOP/scripts/kunit.sh" build --jobs="$JOBS" || die "see $LOGS/bench-build-series.log"
KUNIT_TREE=$bt KUNIT_OUT=$BUILD/bench-base-out phase build-base logged "$LOGS/bench-build-base.log" \
	"$TOP/scripts/kunit.sh" build --jobs="$JOBS" || die "see $LOGS/bench-build-base.log"
boot() {	# boot base|series [KUNIT.PY ARGS]: with the work tree's kunit.py, QEMU config, overlay
	KUNIT_OUT=$BUILD/bench-$1-out KUNIT_RMEM_MEM=$BENCH_MEM KUNIT_RMEM_DTSO=$WT/$BENCH_DTSO \
	phase "boot-$1" logged "$LOGS/bench-$1.log" "$TOP/scripts/kunit.sh" exec --raw_output=all \
		--timeout=7200 dma_coherent_bench --kernel_args=kunit.timeout=3600 \
		--qemu_args='-icount shift=0,align=off,sleep=off' "${@:2}" || true
}
key=$({ git -C "$WT" rev-parse "$base^{tree}"; cat "$WT/$BENCH_DTSO"
	echo "$BENCH_MEM ${BENCH_BASE_ARGS:-}"; } | sha256sum | cut -c1-16)
if [ -n "${BENCH_FRESH:-}" ] || ! grep -q '\] ok [0-9]* dma_coherent_bench' "$LOGS/bench-base-$key.log" 2> /dev/null; then
	rm -f "$LOGS/bench-base.log"
	{ boot base ${BENCH_BASE_ARGS:+"--kernel_args=$BENCH_BASE_ARGS"}; mv "$LOGS/bench-base"{,-$key}.log; } &
fi
boot series
wait
ln -sf "bench-base-$key.log" "$LOGS/bench-base.log"
git -C "$WT" log -1 --format='base:   %h %s' "$base" && git -C "$WT" log -1 --format='series: %h %s' HEAD
python3 "$TOP/scripts/bench-table.py" "$LOGS/bench-base.log" "$LOGS/bench-series.log" | tee "$LOGS/bench-table.txt"
