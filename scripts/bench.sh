#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench: first, on a quiet machine, kernel/dma/coherent.c of the base, of the word search
# (BENCH_WORD), of the patch that checks frees (BENCH_CHECKS), of the exact-size patch (BENCH_EXACT), of the whole series and of the series with the index that is not proposed
# (native/coherent/index.patch) built natively (native/coherent) and timed side by side, and the
# fuzz of the series' allocator against its model (BENCH_FUZZ_OPS operations); then the
# coherent-pool benchmark (dma_coherent_bench) of the series up to BENCH_BASE and of the whole
# series, booted at once under QEMU -icount on BENCH_DTSO; one table of both.
. "$(dirname "$0")/lib.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
exact=$(g log -1 --format=%H -F --grep="$BENCH_EXACT" "$BASE_TAG"..) && [ -n "$exact" ] ||
	die "no patch \"$BENCH_EXACT\" (series.conf)"
word=$(g log -1 --format=%H -F --grep="$BENCH_WORD" "$BASE_TAG"..) && [ -n "$word" ] ||
	die "no patch \"$BENCH_WORD\" (series.conf)"
checks=$(g log -1 --format=%H -F --grep="$BENCH_CHECKS" "$BASE_TAG"..) && [ -n "$checks" ] ||
	die "no patch \"$BENCH_CHECKS\" (series.conf)"
native() {
	local index=$TOP/native/coherent/index.patch
	OUTPUT=$BUILD/native "$TOP/native/coherent/bench.sh" "base=$BASE_TAG" "word=$word" "checks=$checks" \
		"exact=$exact" \
		"series=$(g rev-parse HEAD)" "index=$(g rev-parse HEAD)+$index" |
		tee "$LOGS/bench-native.txt" && [ "${PIPESTATUS[0]}" = 0 ] || return
	make -s -C "$TOP/native/coherent" KERNEL="$WT" REV=HEAD NAME=series-fuzz OUTPUT="$BUILD/native" &&
		"$BUILD/native/series-fuzz/fuzz" -n "${BENCH_FUZZ_OPS:-10000000}" -s 1 | tail -n 1 |
		sed 's/^/series: /' | tee -a "$LOGS/bench-native.txt" &&
	make -s -C "$TOP/native/coherent" KERNEL="$WT" REV="$word" NAME=word-fuzz OUTPUT="$BUILD/native" &&
		"$BUILD/native/word-fuzz/fuzz" -n 2000000 -s 1 | tail -n 1 |
		sed 's/^/word search (base rule, 0-byte requests refused): /' | tee -a "$LOGS/bench-native.txt" &&
	make -s -C "$TOP/native/coherent" KERNEL="$WT" REV="$checks" NAME=checks-fuzz OUTPUT="$BUILD/native" &&
		"$BUILD/native/checks-fuzz/fuzz" -n 2000000 -s 1 | tail -n 1 |
		sed 's/^/checked frees (base placement): /' | tee -a "$LOGS/bench-native.txt" &&
	make -s -C "$TOP/native/coherent" SRC="$BUILD/native/index-coherent.c" NAME=index-fuzz \
		OUTPUT="$BUILD/native" &&
		"$BUILD/native/index-fuzz/fuzz" -n 2000000 -s 1 | tail -n 1 |
		sed 's/^/index (native\/coherent\/index.patch, not in the series): /' |
		tee -a "$LOGS/bench-native.txt"
}
phase native native
base=$(g log --format='%H %s' "$BASE_TAG".. | awk -v s="$BENCH_BASE" 'substr($0, 42) == s { print $1 }')
bt=$BUILD/bench-base && [ -n "$base" ] || die "no patch \"$BENCH_BASE\" (series.conf)"
[ -e "$bt/.git" ] || g worktree add -q --detach "$bt" "$base"
git -C "$bt" checkout -q --detach "$base" && echo CONFIG_DMA_COHERENT_BENCHMARK=y > "$BUILD/bench.config"
bench() {	# base|series TREE [KUNIT.PY ARGS]: build, then boot with the work tree's QEMU config and overlay
	KUNIT_TREE=$2 phase "build-$1" logged "$LOGS/bench-build-$1.log" kunit build --jobs="$JOBS" || return
	KUNIT_RMEM_MEM=$BENCH_MEM KUNIT_RMEM_DTSO=$WT/$BENCH_DTSO phase "boot-$1" logged "$LOGS/bench-$1.log" \
		kunit exec --raw_output=all --timeout=7200 dma_coherent_bench \
		--kernel_args=kunit.timeout=3600 --qemu_args='-icount shift=0,align=off,sleep=off' "${@:3}" || true
}
export KUNIT_EXTRA_CONFIG=$BUILD/bench.config
rm -f "$LOGS"/bench-{base,series}.log
KUNIT_OUT=$BUILD/bench-base-out bench base "$bt" ${BENCH_BASE_ARGS:+"--kernel_args=$BENCH_BASE_ARGS"} & pid=$!
KUNIT_OUT=$BUILD/bench-series-out bench series "$WT" || die "see $LOGS/bench-build-series.log"
wait "$pid" || die "see $LOGS/bench-build-base.log"
g log -1 --format='base:   %h %s' "$base" && g log -1 --format='series: %h %s' HEAD
python3 "$TOP/scripts/bench-table.py" "$LOGS/bench-base.log" "$LOGS/bench-series.log" | tee "$LOGS/bench-table.txt"
