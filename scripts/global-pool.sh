#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot proof of the global coherent DMA pool's debugfs file: a riscv KUnit kernel with
# CONFIG_DMA_GLOBAL_POOL (RZ/Five, configs/global-pool.config) on QEMU's virt machine, its
# device tree QEMU's own plus configs/global_pool_virt.dtso (a 1 MiB no-map shared-dma-pool
# with linux,dma-default; configs/riscv_global_pool.py makes it), runs only
# dma_coherent_pool.coherent_test_global_stats. It must PASS, the pool must have been made,
# and the console must have no debugfs error, WARNING:, BUG: or Oops.
#   scripts/global-pool.sh [--without-fix]
# --without-fix (or GLOBAL_POOL_WITHOUT_FIX=1): the same on a scratch worktree of the tree's
# HEAD with scripts/prove/global-debugfs-early.patch applied (the fix taken out), built in
# a build directory of its own; the case must then FAIL. GLOBAL_POOL_TREE: another work tree
# (default $BUILD/linux). Output: one summary line on stdout; kunit.py's output in
# $LOGS/global-pool[-nofix].log, the console in the build directory's test.log.
. "$(dirname "$0")/lib.sh"
WT=${GLOBAL_POOL_TREE:-$WT}
nofix=${GLOBAL_POOL_WITHOUT_FIX:-}
case ${1:-} in --without-fix) nofix=1;; '') ;; *) die "usage: ${0##*/} [--without-fix]";; esac
[ -d "$WT/.git" ] || [ -f "$WT/.git" ] || die "no work tree at $WT"
KCONF=$TOP/configs/global-pool.config QCONF=$TOP/configs/riscv_global_pool.py
PATCH=$TOP/scripts/prove/global-debugfs-early.patch
CASE=dma_coherent_pool.coherent_test_global_stats
[ -f /usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin ] && command -v qemu-system-riscv64 >/dev/null ||
	die "qemu-system-riscv64 or its OpenSBI (qemu-system-data) missing: apt-get install qemu-system-misc"
command -v riscv64-linux-gnu-gcc >/dev/null || die "no riscv64-linux-gnu-gcc: apt-get install gcc-riscv64-linux-gnu"

tree=$WT out=$BUILD/kunit-riscv tag=with-fix log=$LOGS/global-pool.log
if [ -n "$nofix" ]; then
	# Tree and build directory side by side, as the work tree and $BUILD/kunit-riscv are, so
	# that ccache (CCACHE_BASEDIR) may find the objects of the run with the fix.
	tree=$BUILD/global-pool-nofix/${WT##*/} out=$BUILD/global-pool-nofix/kunit-riscv
	tag=without-fix log=$LOGS/global-pool-nofix.log
	head=$(g rev-parse HEAD)
	if [ ! -e "$tree/.git" ]; then
		mkdir -p "${tree%/*}" && g worktree add -q --detach "$tree" "$head" ||
			die "cannot make the scratch worktree $tree"
	fi
	git -C "$tree" checkout -q -f --detach "$head" && git -C "$tree" clean -q -fd -- kernel/dma ||
		die "cannot reset $tree to $head"
	git -C "$tree" apply "$PATCH" || die "$PATCH does not apply to $head"
fi
kunit_rv() {	# the kunit wrapper of lib.sh, for riscv and this script's kunitconfig and QEMU config
	(cd "$tree" && PATH=/usr/lib/ccache:$PATH ./tools/testing/kunit/kunit.py "$1" --arch=riscv \
		--cross_compile=riscv64-linux-gnu- --kunitconfig="$KCONF" --qemu_config="$QCONF" \
		--build_dir="$out" "${@:2}")
}
mkdir -p "$out" && : > "$log"
t0=$SECONDS
phase "build ($tag, $out)" logged "$log.build" kunit_rv build --jobs="$JOBS" ||
	{ tail -n 30 "$log.build" >&2; die "build failed ($log.build)"; }
tb=$((SECONDS - t0))
grep -q '^CONFIG_DMA_GLOBAL_POOL=y' "$out/.config" || die "CONFIG_DMA_GLOBAL_POOL is not set in $out/.config"
t0=$SECONDS rc=0
phase "boot ($tag)" logged "$log" kunit_rv exec --timeout=600 "$CASE" || rc=$?
tr=$((SECONDS - t0))
console=$out/test.log
[ -s "$console" ] || { tail -n 30 "$log" >&2; die "no console log $console (kunit.py exit $rc, $log)"; }

# The case's KTAP line: "ok N name", "ok N name # SKIP why" or "not ok N name".
line=$(grep -oE '(not )?ok [0-9]+ coherent_test_global_stats( .*)?$' "$console" | tail -n 1) || true
case $line in
'') verdict=MISSING;;
not\ ok*) verdict=FAIL;;
*'# SKIP'*) verdict=SKIP;;
*) verdict=PASS;;
esac
dbg=$(grep -E 'debugfs is not initialized|Unable to create file' "$console" || true)
bad=$(grep -E 'WARNING:|BUG:|Oops' "$console" || true)
pool=$(grep -E 'DMA: default coherent area is set' "$console" || true)

fail=()
[ -n "$pool" ] || fail+=("no 'DMA: default coherent area is set' on the console: no global pool was made")
if [ -z "$nofix" ]; then
	[ "$verdict" = PASS ] || fail+=("coherent_test_global_stats: $verdict, expected PASS${line:+ ($line)}")
	[ -z "$dbg" ] || fail+=("debugfs error on the console: $dbg")
	[ -z "$bad" ] || fail+=("on the console: $bad")
else
	[ "$verdict" = FAIL ] || fail+=("coherent_test_global_stats: $verdict, expected FAIL without the fix${line:+ ($line)}")
fi
if [ ${#fail[@]} != 0 ]; then
	# What the case said, and the console around the debugfs and pool messages.
	grep -E 'coherent_test_global_stats|Expected|no debugfs entry|dma-pool|coherent area' "$console" | tail -n 20 >&2 || true
	printf 'global-pool: %s: FAILED (build %ss, boot %ss): %s\n' "$tag" "$tb" "$tr" "$(printf '%s; ' "${fail[@]}" | sed 's/; $//')"
	msg "kunit.py output: $log; console: $console"
	exit 1
fi
why=${dbg:+, console: ${dbg#*] }}
printf 'global-pool: %s: ok: coherent_test_global_stats %s as expected%s (build %ss, boot %ss)\n' \
	"$tag" "$verdict" "${why:-, no debugfs error}" "$tb" "$tr"
