#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make no-harm: does the series harm a board that works today? Boots the base and the series
# kernels (configs/no-harm.config) under QEMU with the /reserved-memory layout of every in-tree
# arm, arm64 and riscv device tree grafted onto virt's (scripts/no-harm.py: moved to virt's RAM,
# mem= the board's RAM, deduplicated) and compares, node by node, what each kernel did: pages
# left to the page allocator, CMA areas, pools, lines printed, splats (docs/reference.md).
#   no-harm.sh [--sample N] [--self-test] [--kernel NAME=DIR]...
# --sample N: N layouts (spread over the corpus) instead of all; --self-test: the check of the
# check: a series kernel made harmful on purpose (scripts/prove/no-harm-harmful.patch) must be
# found worse, and each of its faults named.
. "$(dirname "$0")/lib.sh"
sample=0 selftest=0
while [ $# -gt 0 ]; do
	case $1 in
	--sample) sample=$2; shift 2 ;;
	--self-test) selftest=1; shift ;;
	*) die "usage: no-harm.sh [--sample N] [--self-test]" ;;
	esac
done
export PATH=/usr/lib/ccache:$PATH
NH=$BUILD/no-harm && mkdir -p "$NH"
"$TOP/scripts/tree.sh" --ensure
mk() { make -s -C "$1" O="$2" ARCH=arm64 CROSS_COMPILE="$CROSS_COMPILE" -j"$JOBS" "${@:3}"; }
kernel() {	# kernel SRC OUT: build configs/no-harm.config's Image in OUT
	local src=$1 out=$2 log=$LOGS/no-harm-build-$(basename "$2").log
	mkdir -p "$out"
	if ! cmp -s "$TOP/configs/no-harm.config" "$out/.fragment"; then
		cp "$TOP/configs/no-harm.config" "$out/.config" && mk "$src" "$out" olddefconfig > "$log" 2>&1 ||
			{ cat "$log"; die "no-harm: cannot configure $src in $out"; }
		cp "$TOP/configs/no-harm.config" "$out/.fragment"
	fi
	mk "$src" "$out" Image > "$log" 2>&1 || { tail -n 30 "$log"; die "no-harm: the kernel of $src does not build ($log)"; }
	grep -v '^#' "$TOP/configs/no-harm.config" | while read -r opt; do
		grep -qx "$opt" "$out/.config" || die "no-harm: $out/.config lacks $opt"; done
}
base_src=$NH/base-src
[ -e "$base_src/.git" ] || g worktree add -q --detach "$base_src" "$BASE_TAG"
[ "$(git -C "$base_src" rev-parse HEAD)" = "$(g rev-parse "$BASE_TAG")" ] || git -C "$base_src" checkout -q -f --detach "$BASE_TAG"
phase "build base" kernel "$base_src" "$NH/base"
phase "build series" kernel "$WT" "$NH/series"
# The probe, /init of every boot, and the device tree of virt it is grafted onto.
probe() {
	mk "$base_src" "$NH/base" headers &&
	${CROSS_COMPILE}gcc -Os -Wall -static -nostdlib -nostdinc -fno-stack-protector -fno-asynchronous-unwind-tables \
		-I"$base_src/tools/include/nolibc" -I"$NH/base/usr/include" -o "$NH/probe" "$TOP/scripts/no-harm/probe.c" -lgcc &&
	echo "file /init $NH/probe 0755 0 0" | "$NH/base/usr/gen_init_cpio" -o "$NH/probe.cpio" -
}
phase probe logged "$LOGS/no-harm-probe.log" probe ||
	{ cat "$LOGS/no-harm-probe.log"; die "no-harm: cannot build the probe (scripts/no-harm/probe.c)"; }
MACHINE=(-machine virt -cpu cortex-a72 -smp 1)
[ -s "$NH/virt.dts" ] || { qemu-system-aarch64 -nodefaults -display none -accel tcg "${MACHINE[@]}" -m 1024 \
	-machine dumpdtb="$NH/virt.dtb" > /dev/null 2>&1 && dtc -q -I dtb -O dts -o "$NH/virt.dts" "$NH/virt.dtb"; } ||
	die "no-harm: cannot dump QEMU virt's device tree"
# The layouts: above the end of the larger kernel (_end, loaded 2 MiB into RAM), 2 MiB to spare.
kend=0 && for k in base series; do
	t=$(awk '$3 == "_text" { print $1 }' "$NH/$k/System.map") e=$(awk '$3 == "_end" { print $1 }' "$NH/$k/System.map")
	[ -n "$t" ] && [ -n "$e" ] || die "no-harm: no _text or _end in $NH/$k/System.map"
	[ $(( 0x40200000 + 0x$e - 0x$t )) -le $kend ] || kend=$(( 0x40200000 + 0x$e - 0x$t ))
done
kend=$(( (kend + (4 << 20) - 1) & ~((2 << 20) - 1) ))
L=$NH/layouts && rm -rf "$L" && mkdir -p "$L/empty" "$L/selftest"
corpus=$("$TOP/scripts/corpus.sh")
phase layouts python3 "$TOP/scripts/no-harm.py" layouts "$corpus" "$L" "$kend"
: > "$L/empty/graft.dtsi" && echo '{"id": "empty", "boards": ["(none)"], "mem": 1073741824, "qemu": 1342177280, "nodes": []}' > "$L/empty/meta.json"
cp "$TOP/configs/no-harm-selftest.dtsi" "$L/selftest/graft.dtsi"
python3 -c 'import json, sys, importlib; sys.path.insert(0, sys.argv[1]); nh = importlib.import_module("no-harm")
n = [{"name": "pool@50000000", "reg": [[0x50000000, 0x400000]]}, {"name": "cma@54000000", "reg": [[0x54000000, 0x1000000]]},
     {"name": "carveout@56000000", "reg": [[0x56000000, 0x100000]]}, {"name": "dynpool", "reg": []}]
json.dump({"id": "selftest", "boards": ["configs/no-harm-selftest.dtsi"], "mem": 1 << 30, "qemu": 5 << 28, "nodes": n}, open(sys.argv[2], "w"))' \
	"$TOP/scripts" "$L/selftest/meta.json"
ids=$(cat "$L/ids")
if [ "$sample" -gt 0 ]; then	# every Nth of the layouts, in the order of their first board
	n=$(wc -w <<< "$ids") && ids=$(tr ' ' '\n' <<< "$ids" | awk -v k=$(( (n + sample - 1) / sample )) 'NR % k == 1 || k == 1')
fi
boot() {	# boot KERNEL_DIR LOG_DIR ID: QEMU with the layout grafted onto virt, the probe as /init
	local k=$1 d=$2 id=$3 m
	[ -s "$d/$id.log" ] && return 0	# booted before with this very kernel
	mkdir -p "$NH/dtb" && [ -s "$NH/dtb/$id.dtb" ] || cat "$NH/virt.dts" "$L/$id/graft.dtsi" |
		dtc -q -I dts -O dtb -o "$NH/dtb/$id.dtb" - || { echo "no-harm: $id: dtc failed" > "$d/$id.log"; return 0; }
	m=$(python3 -c 'import json, sys; m = json.load(open(sys.argv[1])); print(m["mem"] >> 20, m["qemu"] >> 20)' "$L/$id/meta.json")
	timeout 300 qemu-system-aarch64 -nodefaults -display none -accel tcg "${MACHINE[@]}" -m "${m#* }" -serial stdio -no-reboot \
		-kernel "$k/arch/arm64/boot/Image" -dtb "$NH/dtb/$id.dtb" -initrd "$NH/probe.cpio" \
		-append "console=ttyAMA0 earlycon mem=${m% *}M panic=-1" > "$d/$id.log.tmp" 2>&1 || true
	mv "$d/$id.log.tmp" "$d/$id.log"
}
export -f boot && export NH L && export MACHINE_S="${MACHINE[*]}"
boots() {	# boots NAME ID...: each layout on the kernel NAME, two at a time; prints the log directory
	local k=$NH/$1 d
	d=$NH/boots/$1-$(sha256sum "$k/arch/arm64/boot/Image" | cut -c1-12) && mkdir -p "$d"
	printf '%s\n' "${@:2}" | xargs -P"$JOBS" -I{} bash -c 'MACHINE=($MACHINE_S); boot "$1" "$2" "$3"' _ "$k" "$d" {} >&2
	echo "$d"
}
report=$LOGS/no-harm.txt rc=0
if [ "$selftest" = 1 ]; then	# the series made harmful on purpose, on the self-test layout
	hs=$NH/harm-src
	[ -e "$hs/.git" ] || g worktree add -q --detach "$hs"
	git -C "$hs" checkout -q -f --detach "$(g rev-parse HEAD)" && git -C "$hs" apply "$TOP/scripts/prove/no-harm-harmful.patch" ||
		die "no-harm: scripts/prove/no-harm-harmful.patch does not apply to the series"
	phase "build harmful" kernel "$hs" "$NH/harm"
	a=$(boots base selftest) b=$(boots series selftest) h=$(boots harm selftest empty) && boots base empty > /dev/null
	python3 "$TOP/scripts/no-harm.py" compare "$L" base "$a" series "$b" selftest > "$report.selftest-series" &&
		grep -q '^1 layouts booted, 0 worse' "$report.selftest-series" ||
		{ cat "$report.selftest-series"; die "no-harm self-test: the series is not even with the base on $TOP/configs/no-harm-selftest.dtsi"; }
	python3 "$TOP/scripts/no-harm.py" compare "$L" base "$a" harm "$h" selftest > "$report.selftest" && st=0 || st=$?
	for want in 'pool@50000000: 1 more pages' 'carveout@56000000: 1 more pages' 'cma@54000000: .*no CMA area' \
		'dynpool: no pool' 'OF: reserved mem: <node>: looked at' '^1 layouts booted, 1 worse'; do
		grep -q -- "$want" "$report.selftest" || { cat "$report.selftest"; die "no-harm self-test: the harmful kernel was not caught: no '$want'"; }
	done
	[ "$st" = 1 ] || die "no-harm self-test: compare did not fail on the harmful kernel"
	echo "no-harm self-test: the harmful kernel is caught: $(grep -c '^WORSE' "$report.selftest") faults, $(tail -n 1 "$report.selftest")"
fi
a=$(boots base empty $ids) b=$(boots series empty $ids)
python3 "$TOP/scripts/no-harm.py" compare "$L" base "$a" series "$b" $ids > "$report" || rc=$?
grep -v '^DIFFERENT' "$report" | head -n 60 && echo "(all: $report)"
exit $rc
