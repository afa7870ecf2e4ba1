#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check: the review checks of the series, each timed; check.sh STEP... runs some (docs/reference.md)
. "$(dirname "$0")/lib.sh"
FIX_SUBJECT="of: reserved_mem: keep a no-map region reserved when its init fails"
FIX_CASES="of_reserved_mem.of_rmem_test_no_page_given_away of_reserved_mem.of_rmem_test_restricted_nomap"
steps=${*:-checkpatch patches kernel-doc coverage schema dt-rules no-harm native-fuzz prove-fix global-pool}
phase tree "$TOP/scripts/tree.sh" --ensure
export PATH=/usr/lib/ccache:$PATH
BT=$SCRATCH BO=$BUILD/bisect-out
commits=$(g rev-list --reverse "$BASE_TAG"..HEAD)
subj() { g log -1 --format=%s "$1"; }
files() { g diff-tree --no-commit-id --name-only -r --diff-filter="$2" "$1"; }
at() {	# the worktree build/bisect at a commit
	[ -e "$BT/.git" ] || g worktree add -q --detach "$BT"
	git -C "$BT" reset -q --hard && git -C "$BT" checkout -q -f --detach "$1"
}
suites() { KUNIT_TREE=$BT KUNIT_OUT=$BO kunit run --jobs="$JOBS" --timeout=600 "$@"; }
checkpatch() {	# --strict; FILE_PATH_CHANGES only if MAINTAINERS has every added file
	local c s f ign nom out rc=0
	for c in $commits; do
		s=$(subj "$c") nom=
		ign=$(grep -v '^#' "$TOP/checkpatch-exceptions" | while IFS='|' read -r re type _; do
			[ -n "$re" ] && grep -Eq "$re" <<< "$s" && echo -n ",$type"; done || true)
		for f in $(files "$c" AD); do
			grep -q @ <<< "$(cd "$WT" && scripts/get_maintainer.pl --nogit --nogit-fallback --nol -f "$f")" || nom+=" $f"
		done
		[ -n "$nom" ] || ign+=,FILE_PATH_CHANGES
		out=$(cd "$WT" && git format-patch -1 --stdout "$c" | scripts/checkpatch.pl --strict --no-color \
			--show-types --terse --ignore "${ign#,}" - 2>&1 | grep -v '^total: 0 errors, 0 warnings, 0 checks')
		[ -z "$out" ] && echo "checkpatch: ok: $s" && continue
		echo "checkpatch: $s"$'\n'"$out${nom:+$'\n'no MAINTAINERS entry for:$nom}" | sed '2,$s/^/    /'
		rc=1
	done
	return $rc
}
patches() {	# each builds what it touches (W=1, no warning); the suites where asked
	local c s f o log=$LOGS/check-build.log rc=0 last
	local mk=(make -s -C "$BT" O="$BO" ARCH=arm64 CROSS_COMPILE="$CROSS_COMPILE" -j"$JOBS")
	[ -f "$KOUT/.config" ] || kunit config > "$log" 2>&1 || { cat "$log"; return 1; }
	last=$(g for-each-ref --format='%(objectname)' refs/heads/b4/)	# each series' last patch
	for c in $commits; do
		s=$(subj "$c") o=()
		at "$c" && mkdir -p "$BO" && cp "$KOUT/.config" "$BO/.config" && : > "$log" || { echo "build: FAIL: $s: checkout"; rc=1; continue; }
		"${mk[@]}" olddefconfig prepare > "$log.prepare" 2>&1 || { echo "build: FAIL: $s: prepare"; rc=1; continue; }
		for f in $(files "$c" AM); do
			case $f in
			tools/*.c) mkdir -p "$BO/${f%/*}" && make -s -C "$BT/${f%/*}" OUTPUT="$BO/${f%/*}" ;;
			*.c) o+=("${f%.c}.o") ;;
			*.dtso) dtc -@ -q -Wno-avoid_unnecessary_addr_size -o /dev/null "$BT/$f" ;;
			*.py) python3 -m py_compile "$BT/$f" ;;
			esac >> "$log" 2>&1 || { echo "build: FAIL: $f"; rc=1; }
		done
		if [ ${#o[@]} -gt 0 ] && ! "${mk[@]}" W=1 "${o[@]}" >> "$log" 2>&1 || grep -q 'warning:' "$log"; then
			echo "build: FAIL: $s"; grep -A3 -E 'warning:|error' "$log" | head -n 30; rc=1; continue
		fi
		echo "build: ok: $s (${o[*]:-no C objects})"
		# Once there are suites: where a .c file that is no test changes, and at
		# the last patch of each series.
		[ -f "$BT/$KUNITCONFIG" ] || continue
		[ -n "$(files "$c" AMD | grep -Ev '^tools/|/tests/|_kunit\.c$' | grep '\.c$')" ] ||
			grep -qx "$c" <<< "$last" || continue
		f=$LOGS/check-suites-${c:0:12}
		suites --json="$f.json" > "$f.log" 2>&1 && echo "suites: ok: $s" || { echo "suites: FAIL: $s ($f.log)"; rc=1; }
		python3 "$TOP/scripts/kunit-json.py" "$f.json" | sed 's/^/    /'
	done
	return $rc
}
kernel_doc() {	# no kernel-doc warning the base lacks in a file the series changes
	local f=$(g diff --name-only --diff-filter=AM "$BASE_TAG"..HEAD -- '*.c' '*.h')
	kd() { (cd "$1" && scripts/kernel-doc -none -Wall $f 2>&1 | sed -E 's/:[0-9]+ / /' | sort); }
	at "$BASE_TAG" && f=$(comm -13 <(kd "$BT") <(kd "$WT"))
	[ -z "$f" ] && echo "kernel-doc: ok: no new warning" || { echo "kernel-doc: new warnings:"$'\n'"$f"; return 1; }
}
coverage() { . "$TOP/scripts/cov-check.sh" && cov_check "$WT" "$BUILD/cov"; }
schema() { "$TOP/scripts/schema-check.sh" "$WT/$DEMO_DTSO" "$WT/$REALWORLD_DTSO" -m "$BENCH_MEM" "$WT/$BENCH_DTSO" \
	-m "$ERRORS_MEM" "$WT/$ERRORS_DTSO"; }
dt_rules() {	# the dtc and dt-schema rules of external/ over the in-tree DTBs; fails only if a rule misses its fixture
	"$TOP/scripts/dt-rules.sh"
}
# Each fix's test fails without it: SUBJECT|UNDO|OVERLAYS|EXPECT. UNDO is "revert" (the commit) or a
# patch in scripts/prove/ that takes the fix out of HEAD; OVERLAYS "errors" boots the malformed
# overlay with the valid one; EXPECT lists the cases that must fail, exactly, or is "oops": the boot dies.
PROVE=("$FIX_SUBJECT|revert|default|$FIX_CASES"
	"mm/cma: refuse a reserved area that is not all system RAM|revert|errors|oops"
	"dma-mapping: refuse a coherent pool mapping that runs past the pool's end|coherent-mmap-past-pool.patch|default|dma_coherent_pool.coherent_test_mmap_tail"
	"dma-mapping: check coherent pool frees and mappings against their allocation|coherent-mmap-unbounded.patch|default|dma_coherent_pool.coherent_test_mmap_bound dma_coherent_pool.coherent_test_rounded_size")
prove_fix() {
	local p s undo dtso want got c log rc=0 n=0
	for p in "${PROVE[@]}"; do
		IFS='|' read -r s undo dtso want <<< "$p" && n=$((n + 1)) log=$LOGS/check-prove-$n
		c=$(g log -1 --format=%H -F --grep="$s" "$BASE_TAG"..) && [ -n "$c" ] || { echo "prove: no commit '$s'"; rc=1; continue; }
		at "$(g rev-parse HEAD)"
		if [ "$undo" = revert ]; then git -C "$BT" revert --no-commit "$c"; else git -C "$BT" apply "$TOP/scripts/prove/$undo"; fi ||
			{ echo "prove: FAIL: cannot take out '$s' ($undo)"; rc=1; continue; }
		[ "$dtso" = errors ] && export KUNIT_RMEM_DTSO=$BT/$ERRORS_DTSO:$BT/$DEMO_DTSO KUNIT_RMEM_MEM=$ERRORS_MEM
		# earlycon: an oops before the console driver is up; panic=-1: QEMU exits then
		suites --json="$log.json" --kernel_args=earlycon --kernel_args=panic=-1 > "$log.log" 2>&1 || true
		unset KUNIT_RMEM_DTSO KUNIT_RMEM_MEM && cp "$BO/test.log" "$log.console" 2>/dev/null || : > "$log.console"
		if [ "$want" = oops ]; then
			grep -qE 'Unable to handle kernel|Kernel panic' "$log.console" && got=oops || got="no oops"
		else
			got=$(python3 "$TOP/scripts/kunit-json.py" "$log.json" | sed -n 's/^FAIL //p' | sort | xargs)
			want=$(tr ' ' '\n' <<< "$want" | sort | xargs)
		fi
		echo "prove: without '$s': ${got:-nothing failed}"
		[ "$got" = "$want" ] || { echo "prove: FAIL: expected $want ($log.log, $log.console)"; rc=1; }
	done
	at HEAD
	return $rc
}
no_harm() {	# a sample of the in-tree boards' layouts on the base and series kernels, and the check of the check
	"$TOP/scripts/no-harm.sh" --sample "${NO_HARM_SAMPLE:-40}" --self-test
}
native_fuzz() {	# the series' kernel/dma/coherent.c built natively (native/coherent), 1M operations against its
	# model; and the fuzz's own check: with the allocation's end left unmarked, it must find mismatches;
	# and the index make bench measures (native/coherent/index.patch) applies and passes 200k; and the
	# patch that checks frees (BENCH_CHECKS), on the base's placement, passes 200k of its own rule
	local m=$BUILD/native/mutant-coherent.c out
	make -s -C "$TOP/native/coherent" KERNEL="$WT" REV=HEAD OUTPUT="$BUILD/native" > "$LOGS/native-build.log" 2>&1 ||
		{ cat "$LOGS/native-build.log"; echo "native-fuzz: the harness does not build the series' coherent.c"; return 1; }
	out=$("$BUILD/native/HEAD/fuzz" -n 1000000 -s 1 | tail -n 1 || true)
	echo "$out"
	grep -q ' 0 mismatches' <<< "$out" || { echo "native-fuzz: FAIL: mismatches"; return 1; }
	sed 's/^\t__set_bit(pageno + nr - 1, mem->ends);$/\t\/\* mutant \*\//' "$WT/kernel/dma/coherent.c" > "$m"
	grep -q mutant "$m" || { echo "native-fuzz: FAIL: the mutant's line is not in coherent.c"; return 1; }
	make -s -C "$TOP/native/coherent" SRC="$m" NAME=mutant OUTPUT="$BUILD/native" >> "$LOGS/native-build.log" 2>&1 ||
		{ echo "native-fuzz: FAIL: the mutant does not build"; return 1; }
	out=$("$BUILD/native/mutant/fuzz" -n 100000 -s 1 --rule=first | tail -n 1 || true)
	echo "with the allocation's end unmarked: $out"
	! grep -q ' 0 mismatches' <<< "$out" || { echo "native-fuzz: FAIL: the mutant passed"; return 1; }
	# The index make bench measures beside the series (not proposed) must still apply and hold.
	local i=$BUILD/native/index-coherent.c
	cp "$WT/kernel/dma/coherent.c" "$i" && patch -s "$i" < "$TOP/native/coherent/index.patch" ||
		{ echo "native-fuzz: FAIL: native/coherent/index.patch does not apply to the series"; return 1; }
	make -s -C "$TOP/native/coherent" SRC="$i" NAME=index-fuzz OUTPUT="$BUILD/native" >> "$LOGS/native-build.log" 2>&1 ||
		{ echo "native-fuzz: FAIL: the series with native/coherent/index.patch does not build"; return 1; }
	out=$("$BUILD/native/index-fuzz/fuzz" -n 200000 -s 1 | tail -n 1 || true)
	echo "with native/coherent/index.patch: $out"
	grep -q ' 0 mismatches' <<< "$out" || { echo "native-fuzz: FAIL: mismatches with index.patch"; return 1; }
	# The patch that checks frees, on the base's placement, against its own rule.
	local c
	c=$(git -C "$WT" log -1 --format=%H -F --grep="$BENCH_CHECKS" "$BASE_TAG"..) && [ -n "$c" ] ||
		{ echo "native-fuzz: FAIL: no patch \"$BENCH_CHECKS\" (series.conf)"; return 1; }
	make -s -C "$TOP/native/coherent" KERNEL="$WT" REV="$c" NAME=checks-fuzz OUTPUT="$BUILD/native" \
		>> "$LOGS/native-build.log" 2>&1 ||
		{ echo "native-fuzz: FAIL: the harness does not build that patch's coherent.c"; return 1; }
	out=$("$BUILD/native/checks-fuzz/fuzz" -n 200000 -s 1 | tail -n 2 | tr '\n' ' ' || true)
	echo "checked frees (base placement): $out"
	grep -q 'rule checked.* 0 mismatches' <<< "$out" ||
		{ echo "native-fuzz: FAIL: mismatches, or not the checked rule, at \"$BENCH_CHECKS\""; return 1; }
}
global_pool() {	# riscv with the global coherent pool: its debugfs file, and none without the fix
	"$TOP/scripts/global-pool.sh" && "$TOP/scripts/global-pool.sh" --without-fix
}
fail=0
for s in $steps; do phase "$s" "${s//-/_}" || fail=1; done
[ $fail = 0 ] && echo "check: all passed" || { echo "check: FAILED"; exit 1; }
