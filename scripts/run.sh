#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the test kernel and boot it on QEMU arm64 with a reserved-memory
# overlay (DTSO=path, default the series' demo overlay; several paths
# separated by ':' are applied in that order), KUnit off, with an initramfs
# whose /init (tools/testing/of_reserved_mem/rmem_show.c) prints the
# kernel's own table of reserved-memory nodes and its pools' counters, then
# powers off. Exits non-zero if the kernel does not boot, the program does
# not finish, or a child of /reserved-memory has no line in the table.
. "$(dirname "$0")/lib.sh"

dtso=
if [ -n "${DTSO:-}" ]; then
	IFS=: read -ra paths <<<"$DTSO"
	for p in "${paths[@]}"; do
		p=$(realpath -e "$p") || die "no such overlay: $p"
		dtso=${dtso:+$dtso:}$p
	done
fi
phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
[ -n "$dtso" ] || dtso=$WT/$DEMO_DTSO
out=$BUILD/run
mkdir -p "$LOGS" "$out"
log=$LOGS/run.log
dtb=$LOGS/run.dtb
rm -f "$dtb" "$log" "$KOUT/test.log"
build() {
	"$TOP/scripts/kunit.sh" build --jobs="$JOBS" &&
	make -C "$WT" O="$KOUT" ARCH=arm64 headers &&
	make -C "$WT/tools/testing/of_reserved_mem" OUTPUT="$out" \
		KHDR="$KOUT/usr/include" CROSS_COMPILE="$CROSS_COMPILE" "$out/rmem_show" &&
	echo "file /init $out/rmem_show 0755 0 0" | "$KOUT/usr/gen_init_cpio" -o "$out/initramfs.cpio" -
}
phase build logged "$LOGS/run-build.log" build ||
	{ tail -n 30 "$LOGS/run-build.log"; die "build failed: $LOGS/run-build.log"; }
# kunit.py boots the kernel with the QEMU config's machine and device tree.
# QEMU takes the last -append: ours replaces kunit.py's command line, which
# turns KUnit on and reboots after it, by the config's (console, and mem=
# 16 MiB below the RAM) with KUnit off. kunit.py then finds no results and
# exits non-zero: the console tells.
append="console=ttyAMA0 mem=$(( ${KUNIT_RMEM_MEM:-1024} - 16 ))M kunit.enable=0 panic=-1"
KUNIT_RMEM_DTSO=$dtso KUNIT_RMEM_DTB_OUT=$dtb phase boot logged "$LOGS/run-kunit.log" \
	"$TOP/scripts/kunit.sh" exec --timeout=120 \
	--qemu_args="-initrd $out/initramfs.cpio -append '$append'" || true
cp "$KOUT/test.log" "$log" 2>/dev/null || { tail -n 30 "$LOGS/run-kunit.log"; die "kunit.py did not start the kernel"; }
[ -f "$dtb" ] || die "no device tree made from $dtso"
echo "overlay: $dtso"
echo "boot log: $log"
sed -n '/^== /,/^rmem_show: done/{/^\[ *[0-9]*\.[0-9]*\]/!p}' "$log"
grep -q '^rmem_show: done' "$log" || { tail -n 30 "$log"; die "the kernel did not boot, or $out/rmem_show did not finish"; }
nodes=$(fdtget -l "$dtb" /reserved-memory 2>/dev/null || true)
missing=$(for n in $nodes; do grep -q "^/reserved-memory/$n " "$log" || echo "/reserved-memory/$n"; done)
[ -z "$missing" ] || die "no line in the kernel's table for: $missing"
echo "booted: the kernel listed all $(echo "$nodes" | wc -w) children of /reserved-memory and powered off"
