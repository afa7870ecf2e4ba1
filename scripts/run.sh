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
rm -f "$dtb" "$log"
build() {
	"$TOP/scripts/kunit.sh" build --jobs="$JOBS" &&
	make -C "$WT" O="$KOUT" ARCH=arm64 headers &&
	make -C "$WT/tools/testing/of_reserved_mem" OUTPUT="$out" \
		KHDR="$KOUT/usr/include" CROSS_COMPILE="$CROSS_COMPILE" "$out/rmem_show" &&
	echo "file /init $out/rmem_show 0755 0 0" | "$KOUT/usr/gen_init_cpio" -o "$out/initramfs.cpio" -
}
phase build logged "$LOGS/run-build.log" build ||
	{ tail -n 30 "$LOGS/run-build.log"; die "build failed: $LOGS/run-build.log"; }
# The machine, device tree and command line of the kunit.py QEMU config.
mapfile -t qemu < <(cd "$WT/tools/testing/kunit" &&
	KUNIT_RMEM_DTSO=$dtso KUNIT_RMEM_DTB_OUT=$dtb python3 -c '
import sys, kunit_kernel
ops = kunit_kernel._get_qemu_ops(sys.argv[1], None, None)[1]
args = ops._extra_qemu_params
args[args.index("-dtb") + 1] = sys.argv[2]
print("\n".join(args + ["-append", ops._kernel_command_line.replace(" kunit_shutdown=reboot", "")]))' \
	"$WT/$QEMU_CONFIG" "$dtb")
[ -f "$dtb" ] || die "no device tree made from $dtso"
qemu[-1]+=" kunit.enable=0 panic=-1"
phase boot logged "$log" timeout 120 qemu-system-aarch64 -nodefaults -nographic -no-reboot \
	-accel kvm -accel tcg -serial stdio -kernel "$KOUT/arch/arm64/boot/Image.gz" \
	-initrd "$out/initramfs.cpio" "${qemu[@]}" || true
echo "overlay: $dtso"
echo "boot log: $log"
sed -n '/^== /,/^rmem_show: done/{/^\[ *[0-9]*\.[0-9]*\]/!p}' "$log"
grep -q '^rmem_show: done' "$log" || { tail -n 30 "$log"; die "the kernel did not boot, or $out/rmem_show did not finish"; }
nodes=$(fdtget -l "$dtb" /reserved-memory 2>/dev/null || true)
missing=$(for n in $nodes; do grep -q "^/reserved-memory/$n " "$log" || echo "/reserved-memory/$n"; done)
[ -z "$missing" ] || die "no line in the kernel's table for: $missing"
echo "booted: the kernel listed all $(echo "$nodes" | wc -w) children of /reserved-memory and powered off"
