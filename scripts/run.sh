#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make run [DTSO=a.dtso[:b.dtso]]: boot the test kernel, KUnit off, with the overlays
# (default the demo one) and an initramfs whose /init, scripts/run/rmem_show.c (static,
# nolibc), prints the kernel's list of reserved memory and pools' counters and powers off.
# Fails unless each child of /reserved-memory has a line in it.
. "$(dirname "$0")/lib.sh"
dtso=$(IFS=:; for p in ${DTSO:-}; do realpath -e "$p" || exit; done | paste -sd:)
phase tree "$TOP/scripts/tree.sh" --ensure
out=$BUILD/run log=$LOGS/run.log dtb=$LOGS/run.dtb
mkdir -p "$out" && rm -f "$dtb" "$log" "$KOUT/test.log"
build() {
	kunit build --jobs="$JOBS" && make -C "$WT" O="$KOUT" ARCH=arm64 headers &&
	${CROSS_COMPILE}gcc -Os -Wall -static -nostdlib -nostdinc -fno-stack-protector -fno-asynchronous-unwind-tables \
		-I"$WT/tools/include/nolibc" -I"$KOUT/usr/include" -o "$out/rmem_show" "$TOP/scripts/run/rmem_show.c" -lgcc &&
	echo "file /init $out/rmem_show 0755 0 0" | "$KOUT/usr/gen_init_cpio" -o "$out/initramfs.cpio" -
}
phase build logged "$LOGS/run-build.log" build || { tail -n 30 "$LOGS/run-build.log"; die "build failed"; }
# kunit.py boots the QEMU config's machine and device tree. QEMU takes the last
# -append: the config's command line with KUnit off instead of kunit.py's.
append="console=ttyAMA0 mem=$(( ${KUNIT_RMEM_MEM:-1024} - 16 ))M kunit.enable=0 panic=-1"
# kunit.py's exit status is not used: a boot with KUnit off has no results for it to find.
t=$SECONDS && msg "== boot (KUnit off)"
KUNIT_RMEM_DTSO=${dtso:-$WT/$DEMO_DTSO} KUNIT_RMEM_DTB_OUT=$dtb logged "$LOGS/run-kunit.log" \
	kunit exec --timeout=120 --qemu_args="-initrd $out/initramfs.cpio -append '$append'" || true
msg "== boot: $((SECONDS - t)) s"
cp "$KOUT/test.log" "$log" 2>/dev/null || { tail -n 30 "$LOGS/run-kunit.log"; die "kunit.py did not boot the kernel"; }
echo "overlay: ${dtso:-$WT/$DEMO_DTSO}; boot log: $log" && sed -n '/^== /,/^rmem_show: done/{/^\[ *[0-9]*\.[0-9]*\]/!p}' "$log"
grep -q '^rmem_show: done' "$log" || { tail -n 30 "$log"; die "the kernel did not boot, or rmem_show did not finish"; }
nodes=$(fdtget -l "$dtb" /reserved-memory) || die "no device tree made from the overlays"
for n in $nodes; do grep -q "^/reserved-memory/$n " "$log" || die "no line in the kernel's table for /reserved-memory/$n"; done
echo "booted: the kernel listed all $(wc -w <<< "$nodes") children of /reserved-memory and powered off"
