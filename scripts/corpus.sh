#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# corpus.sh: compile every arm, arm64 and riscv .dts of the base as kbuild's cmd_dtc does (cpp, then
# the base's own scripts/dtc), into $CORPUS/dtbs/{arm,arm64,riscv}/...; prints the directory.
# CORPUS_DTC=path/to/dtc and CORPUS_DTC_FLAGS compile with another dtc or other warnings into a
# directory of their own; dtc's messages for X.dts are kept in X.dtb.warn. A second run with the
# same inputs compiles nothing. Lists: $dir/list (the DTBs), $dir/failed (the .dts dtc refused).
. "$(dirname "$0")/lib.sh"
have_tree || "$TOP/scripts/tree.sh" --ensure >&2
CORPUS=${CORPUS:-$BUILD/corpus} src=$BUILD/corpus/src-$BASE_TAG && mkdir -p "$CORPUS"
if [ ! -e "$src/.done" ]; then	# the base's device trees and their headers
	rm -rf "$src" && mkdir -p "$src"
	g archive "$BASE_TAG" arch/arm/boot/dts arch/arm64/boot/dts arch/riscv/boot/dts include/dt-bindings include/uapi \
		scripts/dtc/include-prefixes | tar -x -C "$src"
	touch "$src/.done"
fi
dtc=${CORPUS_DTC:-} flags=${CORPUS_DTC_FLAGS:-}
if [ -z "$dtc" ]; then	# the base's scripts/dtc, built alone from an arm64 allnoconfig
	kb=(make -s -C "$WT" O="$BUILD/corpus/kbuild" ARCH=arm64)
	[ -x "$BUILD/corpus/kbuild/scripts/dtc/dtc" ] || { { [ -f "$BUILD/corpus/kbuild/.config" ] ||
		"${kb[@]}" allnoconfig; } && "${kb[@]}" -j"$JOBS" scripts_dtc; } > "$LOGS/corpus-dtc.log" 2>&1 ||
		{ cat "$LOGS/corpus-dtc.log" >&2; die "cannot build the base's scripts/dtc"; }
	dtc=$BUILD/corpus/kbuild/scripts/dtc/dtc
fi
key=$({ sha256sum "$dtc" | cut -d' ' -f1; echo "$BASE_COMMIT $flags"; } | sha256sum | cut -c1-12)
out=$CORPUS/dtbs-$key
if [ ! -e "$out/.done" ]; then
	rm -rf "$out" && mkdir -p "$out"
	compile() {	# compile DTS...: in $src, into $out
		local f o
		for f; do
			o=${f#arch/} && o=$out/${o/\/boot\/dts/} && o=${o%.dts}.dtb && mkdir -p "${o%/*}"
			if gcc -E -nostdinc -I scripts/dtc/include-prefixes -undef -D__DTS__ -x assembler-with-cpp \
				-o "$o.tmp" "$f" 2>/dev/null && "$dtc" $flags -o "$o" -b 0 -i "${f%/*}" \
				-i scripts/dtc/include-prefixes "$o.tmp" 2> "$o.warn"; then
				[ -s "$o.warn" ] || rm -f "$o.warn"
			else
				echo "$f" && rm -f "$o" "$o.warn"
			fi
			rm -f "$o.tmp"
		done
	}
	export -f compile && export dtc flags out
	(cd "$src" && find arch/arm/boot/dts arch/arm64/boot/dts arch/riscv/boot/dts -name '*.dts' | sort |
		xargs -P"$JOBS" -n32 bash -c 'compile "$@"' _) > "$out/failed"
	(cd "$out" && find . -name '*.dtb' | sed 's|^\./||' | sort) > "$out/list"
	touch "$out/.done"
	msg "corpus: $(wc -l < "$out/list") DTBs compiled, $(wc -l < "$out/failed") .dts refused, in $out"
fi
echo "$out"
