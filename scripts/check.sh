#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Review checks on the series:
#  1. scripts/checkpatch.pl --strict on every patch: 0 errors, 0 warnings,
#     0 checks, except the reviewed exceptions in checkpatch-exceptions;
#  2. every patch applied in turn builds the objects it touches, with W=1
#     and no warnings (bisectability), and its .dtso and .py files compile;
#  3. scripts/kernel-doc -none -Wall on every C file the series changes: no
#     warning that the file's base version does not have;
#  4. at each patch that changes kernel/dma/coherent.c, the KUnit suites
#     (dma_coherent_pool and all the others that allocate from a coherent
#     pool) pass on QEMU arm64: the allocator is bisectable, not only
#     buildable;
#  5. the CONFIG_DMA_GLOBAL_POOL code of kernel/dma/coherent.c and direct.c,
#     which arm64 does not build, compiles with W=1 for riscv with
#     ARCH_R9A07G043 (RZ/Five), if riscv64-linux-gnu-gcc is installed
#     (Debian's gcc-riscv64-linux-gnu);
#  6. make dt-corpus: over every in-tree DTB, the series reserves and makes
#     no less than the base;
#  7. the first patch's stable fix: its test fails with the fix reverted.
. "$(dirname "$0")/lib.sh"

phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
mkdir -p "$LOGS"
fail=0
# Every patch: the commits that change files (not the series' cover commits).
commits=$(git -C "$WT" log --reverse --format=%H --diff-filter=ACDMR "$BASE_TAG"..HEAD -- .)
[ -n "$commits" ] || die "no commits on $BASE_TAG"

# --- 1. checkpatch ---------------------------------------------------------
# checkpatch-exceptions: "<subject regex>|<TYPE>|<why>"; FILE_PATH_CHANGES is
# accepted for a patch only when every file it adds has a MAINTAINERS entry.
checkpatch_one() {
	local c=$1 subj ignore="" types out
	subj=$(git -C "$WT" log -1 --format=%s "$c")
	while IFS='|' read -r re type why; do
		case "$re" in ''|'#'*) continue ;; esac
		echo "$subj" | grep -Eq "$re" && ignore="$ignore,$type"
	done < "$TOP/checkpatch-exceptions"
	out=$(cd "$WT" && git format-patch -1 --stdout "$c" |
	      ./scripts/checkpatch.pl --strict --no-color --show-types --terse \
		${ignore:+--ignore "${ignore#,}"} - 2>&1) || true
	types=$(echo "$out" | grep -oE '(ERROR|WARNING|CHECK):[A-Z_]+' | cut -d: -f2 | sort -u)
	if echo "$types" | grep -qx FILE_PATH_CHANGES; then
		local f nom=""
		for f in $(git -C "$WT" diff-tree --no-commit-id --name-only -r --diff-filter=AD "$c"); do
			(cd "$WT" && ./scripts/get_maintainer.pl --nogit --nogit-fallback \
				--norolestats --nol -f "$f" 2>/dev/null | grep -q '@') || nom="$nom $f"
		done
		if [ -z "$nom" ]; then
			out=$(echo "$out" | grep -v 'FILE_PATH_CHANGES' | grep -v '^total:')
		else
			out="$out"$'\n'"no MAINTAINERS entry for:$nom"
		fi
	fi
	out=$(echo "$out" | grep -v '^total: 0 errors, 0 warnings, 0 checks' | grep -v '^$' || true)
	if [ -n "$out" ]; then
		echo "checkpatch: $subj"
		echo "$out" | sed 's/^/    /'
		return 1
	fi
	echo "checkpatch: ok: $subj"
}
for c in $commits; do
	checkpatch_one "$c" || fail=1
done

# --- 2. each patch builds what it touches ----------------------------------
BT=$BUILD/bisect
BO=$BUILD/bisect-out
bisect_build() {
	[ -f "$KOUT/.config" ] || "$TOP/scripts/kunit.sh" config > "$LOGS/check-config.log" 2>&1 ||
		die "could not make the test kernel's .config"
	[ -d "$BT/.git" ] || [ -f "$BT/.git" ] || git -C "$WT" worktree add -q --detach "$BT" "$BASE_TAG"
	mkdir -p "$BO"
	local c f subj rc=0 mk
	mk=(make -s -C "$BT" O="$BO" ARCH=arm64 CROSS_COMPILE="$CROSS_COMPILE" -j"$JOBS")
	for c in $commits; do
		subj=$(git -C "$WT" log -1 --format=%s "$c")
		git -C "$BT" checkout -q --detach "$c"
		cp "$KOUT/.config" "$BO/.config"
		if ! PATH=/usr/lib/ccache:$PATH "${mk[@]}" olddefconfig prepare > "$LOGS/check-build.log" 2>&1; then
			echo "build: FAIL (prepare): $subj"; tail -n 20 "$LOGS/check-build.log"; rc=1; continue
		fi
		local objs=() others=()
		for f in $(git -C "$WT" diff-tree --no-commit-id --name-only -r --diff-filter=AM "$c"); do
			case "$f" in
			tools/testing/*.c) others+=("${f%/*}") ;;
			*.c) objs+=("${f%.c}.o") ;;
			*.dtso) others+=("$f") ;;
			*.py) others+=("$f") ;;
			esac
		done
		if [ ${#objs[@]} -gt 0 ] &&
		   ! PATH=/usr/lib/ccache:$PATH "${mk[@]}" W=1 "${objs[@]}" > "$LOGS/check-build.log" 2>&1; then
			echo "build: FAIL: $subj"; tail -n 30 "$LOGS/check-build.log"; rc=1; continue
		fi
		if grep -q 'warning:' "$LOGS/check-build.log"; then
			echo "build: W=1 warnings: $subj"; grep -A3 'warning:' "$LOGS/check-build.log"; rc=1
		fi
		for f in "${others[@]}"; do
			case "$f" in
			*.dtso) dtc -@ -q -Wno-avoid_unnecessary_addr_size -I dts -O dtb \
					-o /dev/null "$BT/$f" || { echo "build: dtc FAIL: $f"; rc=1; } ;;
			*.py) python3 -m py_compile "$BT/$f" || { echo "build: python FAIL: $f"; rc=1; } ;;
			tools/*) [ -f "$BT/$f/Makefile" ] && { mkdir -p "$BO/$f" &&	# userspace, host cc
				make -s -C "$BT/$f" OUTPUT="$BO/$f" 2>&1 | grep -A3 -E 'warning|error' &&
				{ echo "build: host FAIL: $f"; rc=1; }; } ;;
			esac
		done
		echo "build: ok: $subj (${objs[*]:-no C objects}${others:+; ${others[*]}})"
	done
	return $rc
}
phase bisect-build bisect_build || fail=1

# --- 3. kernel-doc ------------------------------------------------------------
# No new warnings: each changed C file against its base version, with line
# numbers left out so that moved comments compare equal.
kdoc() { (cd "$WT" && ./scripts/kernel-doc -none -Wall "$1" 2>&1) |
	 sed -E 's/^([^:]*: )?([^ ]*):[0-9]+ /\2 /' | sort; }
files=$(git -C "$WT" diff --name-only --diff-filter=AM "$BASE_TAG"..HEAD -- '*.c' '*.h')
new=""
for f in $files; do
	tmp=$(mktemp --suffix=.${f##*.})
	git -C "$WT" show "$BASE_TAG:$f" > "$tmp" 2>/dev/null || : > "$tmp"
	old=$(kdoc "$tmp" | sed "s|$tmp|$f|g")
	rm -f "$tmp"
	add=$(comm -13 <(echo "$old") <(kdoc "$f") | grep -v '^$' || true)
	[ -z "$add" ] || new="$new$add"$'\n'
done
if [ -n "$new" ]; then
	echo "kernel-doc: new warnings:"; echo -n "$new" | sed 's/^/    /'; fail=1
else
	echo "kernel-doc: ok: no new warnings in $(echo $files | wc -w) files"
fi

# --- 4. the coherent-pool suites at each patch that changes the allocator -----
# In the bisect worktree and its build directory, so a full kernel build the
# first time and incremental ones after.
coherent_suites() {
	local c subj rc=0 log
	for c in $commits; do
		git -C "$WT" diff-tree --no-commit-id --name-only -r "$c" |
			grep -qx kernel/dma/coherent.c || continue
		subj=$(git -C "$WT" log -1 --format=%s "$c")
		git -C "$BT" checkout -q --detach "$c"
		log=$LOGS/check-coherent-$(git -C "$WT" rev-parse --short "$c").log
		# kunit.py: "Testing complete. Ran N tests: passed: N[, failed: N]..."
		if KUNIT_TREE=$BT KUNIT_OUT=$BO "$TOP/scripts/kunit.sh" run --jobs="$JOBS" \
			--timeout=600 > "$log" 2>&1 &&
		   grep -q 'Testing complete. Ran' "$log" &&
		   ! grep -Eq 'Testing complete.*(failed|crashed|errors):' "$log"; then
			echo "coherent suites: ok: $subj ($(grep -E 'Testing complete' "$log" | tail -n 1 | sed 's/.*Testing complete. //'))"
		else
			echo "coherent suites: FAIL: $subj ($log)"
			grep -E 'FAILED|not ok|CRASHED' "$log" | head -n 20 | sed 's/^/    /'
			rc=1
		fi
	done
	return $rc
}
phase coherent-suites coherent_suites || fail=1

# --- 5. the global coherent pool compiles ---------------------------------------
RVO=$BUILD/check-riscv
global_pool_build() {
	local mk
	if ! command -v riscv64-linux-gnu-gcc > /dev/null; then
		echo "global pool: skipped: no riscv64-linux-gnu-gcc (apt-get install gcc-riscv64-linux-gnu)"
		return 0
	fi
	mkdir -p "$RVO"
	mk=(make -s -C "$WT" O="$RVO" ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- -j"$JOBS")
	{ [ -f "$RVO/.config" ] || PATH=/usr/lib/ccache:$PATH "${mk[@]}" defconfig; } > "$LOGS/check-riscv.log" 2>&1 &&
	"$WT/scripts/config" --file "$RVO/.config" -e NONPORTABLE -e SOC_RENESAS -e ARCH_RENESAS \
		-d RISCV_ISA_ZICBOM -d ERRATA_THEAD_CMO -e ARCH_R9A07G043 &&
	PATH=/usr/lib/ccache:$PATH "${mk[@]}" olddefconfig prepare >> "$LOGS/check-riscv.log" 2>&1 ||
		{ echo "global pool: FAIL (config): $LOGS/check-riscv.log"; return 1; }
	grep -qx CONFIG_DMA_GLOBAL_POOL=y "$RVO/.config" ||
		{ echo "global pool: FAIL: CONFIG_DMA_GLOBAL_POOL not set in $RVO/.config"; return 1; }
	if ! PATH=/usr/lib/ccache:$PATH "${mk[@]}" W=1 kernel/dma/coherent.o kernel/dma/direct.o \
		kernel/dma/mapping.o >> "$LOGS/check-riscv.log" 2>&1 || grep -q 'warning:' "$LOGS/check-riscv.log"; then
		echo "global pool: FAIL: riscv W=1 build of kernel/dma: $LOGS/check-riscv.log"
		grep -A3 -E 'warning:|error:' "$LOGS/check-riscv.log" | head -n 30
		return 1
	fi
	echo "global pool: ok: kernel/dma/{coherent,direct,mapping}.o with CONFIG_DMA_GLOBAL_POOL (riscv, ARCH_R9A07G043, W=1)"
}
phase global-pool global_pool_build || fail=1

# --- 6. reserved-memory checks over every in-tree DTB: no less than the base
phase dt-corpus "$TOP/scripts/dt-corpus.sh" > "$LOGS/check-dt-corpus.log" 2>&1 || fail=1
tail -n 1 "$LOGS/check-dt-corpus.log"

# --- 7. the stable fix's test fails without the fix ------------------------
phase prove-fix "$TOP/scripts/prove-fix.sh" || fail=1

[ $fail = 0 ] && echo "check: all passed" || echo "check: FAILED"
exit $fail
