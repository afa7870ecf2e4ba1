#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Corpus check: compiles every arm, arm64 and riscv .dts of the work tree
# with the tree's own dtc, as kbuild does (cached by the content of what
# they are made from), and runs the kernel's /reserved-memory checks over
# the DTBs (tools/testing/of_reserved_mem) for 4, 16 and 64 KiB pages, next
# to a model of the base. Fails if the series does less than the base.
. "$(dirname "$0")/lib.sh"

have_tree || die "no work tree: make tree"
out=$BUILD/dt-corpus
mkdir -p "$out" "$LOGS"
exec > >(tee "$LOGS/dt-corpus.log") 2>&1
t0=$(date +%s)

# scripts/dtc alone, from an arm64 allnoconfig (which has CONFIG_DTC).
kb="nice -n 10 make -C $WT O=$out/kbuild ARCH=arm64"
phase dtc logged "$LOGS/dt-corpus-dtc.log" sh -c "{ [ -f $out/kbuild/.config ] ||
	$kb allnoconfig; } && $kb -j2 scripts_dtc" || die "see $LOGS/dt-corpus-dtc.log"
export DTC=$out/kbuild/scripts/dtc/dtc DTBS
[ -x "$DTC" ] || die "no $DTC: see $LOGS/dt-corpus-dtc.log"

# The key: what the DTBs are made from (overlays aside): staged, edited, untracked.
dts="arch/arm/boot/dts arch/arm64/boot/dts arch/riscv/boot/dts"
src="$dts include/dt-bindings scripts/dtc :!*.dtso"
key=$(cd "$WT" && { git ls-files -s -- $src; git --no-optional-locks diff -- $src
	git ls-files -oz --exclude-standard -- $src | xargs -0r sha1sum; } | sha1sum | cut -c1-12)
dtbs=$out/dtbs-$key

compile() {	# as kbuild's cmd_dtc; prints the .dts that fail
	for f; do
		o=${f#arch/}; o=$DTBS/${o/\/boot\/dts/}; o=${o%.dts}.dtb
		mkdir -p "${o%/*}"
		gcc -E -nostdinc -I scripts/dtc/include-prefixes -undef -D__DTS__ \
			-x assembler-with-cpp -o "$o.tmp" "$f" 2>/dev/null &&
		"$DTC" -q -o "$o" -b 0 -i "${f%/*}" -i scripts/dtc/include-prefixes "$o.tmp" 2>/dev/null ||
			{ echo "$f"; rm -f "$o"; }
		rm -f "$o.tmp"
	done
}
if [ -e "$dtbs/failed" ]; then
	msg "== dts: cached in $dtbs"
else
	rm -rf "$out"/dtbs-* && DTBS=$dtbs.tmp && export -f compile
	(cd "$WT" && find $dts -name '*.dts' | sort |
		phase dts nice -n 10 xargs -P2 -n32 bash -c 'compile "$@"' _ > "$out/failed")
	mv "$out/failed" "$DTBS/failed" && mv "$DTBS" "$dtbs"
fi
(cd "$dtbs" && find . -name '*.dtb' | sed 's|^\./||' | sort) > "$out/list"
echo "dts: $(wc -l < "$out/list") arm/arm64/riscv .dts compiled, $(wc -l < "$dtbs/failed") failed (key $key)"
sed 's/^/  failed: /' "$dtbs/failed"

phase tool logged "$LOGS/dt-corpus-tool.log" make -C "$WT/tools/testing/of_reserved_mem" \
	OUTPUT="$out" || die "see $LOGS/dt-corpus-tool.log"
rc=0
for p in 4 16 64; do	# arm and riscv have 4 KiB pages only
	sel=$( ((p == 4)) && echo . || echo '^arm64/')
	printf '\n== %s KiB pages: DTBs matching %s\n' $p "$sel"
	grep "$sel" "$out/list" | (cd "$dtbs" && "$out/rmem_check" -v -p $p \
		2> "$LOGS/dt-corpus-${p}k.txt") | tee "$out/table-${p}k" || rc=1
done
printf '\ntime: %s s; every line the checks print: %s\n' $(( $(date +%s) - t0 )) \
	"$LOGS/dt-corpus-{4,16,64}k.txt"
# The last line of the table with the most DTBs where the series does less.
tail -qn1 "$out"/table-{4,16,64}k | awk '{ if (NR == 1 || $6 > m) { m = $6; l = $0 } } END { print l }'
exit $rc
