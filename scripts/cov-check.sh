# SPDX-License-Identifier: GPL-2.0
# cov_check WT SCRATCH [BASE]: compile with W=1, in each config below, every C file of BASE..HEAD
# that it builds. Fails on an error, a warning in a changed file, a 64-bit division on arm, a modpost
# error of the test modules, or an option not as asked. Source it and call cov_check, or run it.
COV_T="OF_RESERVED_MEM_KUNIT_TEST CMA_KUNIT_TEST DMA_RESERVED_MEM_KUNIT_TEST DMAPOOL_KUNIT_TEST"
declare -A COV_CFG=(
[arm-off]="arm multi_v7_defconfig ARM_LPAE=y KUNIT=y CMA=y DMA_CMA=n DEBUG_FS=n DRM_ASPEED_GFX=n DRM_ETNAVIV=n
	OF_RESERVED_MEM_KUNIT_TEST=y CMA_KUNIT_TEST=y DMA_RESERVED_MEM_KUNIT_TEST=m DMAPOOL_KUNIT_TEST=m DMA_COHERENT_BENCHMARK=y"
[arm-on]="arm multi_v7_defconfig ARM_LPAE=y KUNIT=y CMA=y DMA_CMA=y DEBUG_FS=y DMA_RESTRICTED_POOL=y CMA_SYSFS=y
	CMA_DEBUGFS=y $(printf '%s=y ' $COV_T) DMA_COHERENT_BENCHMARK=y"
[x86-nof]="x86_64 defconfig OF=n KUNIT=y KUNIT_ALL_TESTS=y CMA=y DMA_CMA=y AMD_MEM_ENCRYPT=y DMABUF_HEAPS=y
	DMABUF_HEAPS_CMA=y OF_RESERVED_MEM=n $(printf '%s=n ' $COV_T) +drivers/dma-buf/heaps/cma_heap.o"
[riscv-gp]="riscv defconfig NONPORTABLE=y SOC_RENESAS=y ARCH_RENESAS=y RISCV_ISA_ZICBOM=n ERRATA_THEAD_CMO=n
	ARCH_R9A07G043=y DMA_GLOBAL_POOL=y")	# RZ/Five: the global coherent pool, which arm64 never builds
declare -A COV_CROSS=([arm]=arm-linux-gnueabihf [riscv]=riscv64-linux-gnu)
cov_modpost() {	# in O: modules $1 against built-in objects $2, other symbols assumed exported
	ld -r -o vmlinux.o $2 && printf '%s\n' $1 > cov.order && nm -u $1 | awk 'NF == 2 { print "0x0\t" $2 "\tvmlinux\tEXPORT_SYMBOL\t" }' |
		sort -u | grep -vF -f <(nm -g --defined-only $2 | awk '{ print "\t" $3 "\t" }') > cov.symvers &&
		scripts/mod/modpost -M -i cov.symvers -T cov.order -o /dev/null vmlinux.o
}
cov_check() {
	local wt=$1 s=$2 c a kv o t x rc=0 cf files objs mods mk
	files=$(git -C "$wt" diff --name-only "${3:-base-7.3.4}" HEAD -- '*.[ch]' | grep -v '^tools/') || return 1
	export PATH=/usr/lib/ccache:$PATH CCACHE_NOHASHDIR=1 CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(cd "$wt/../.." && pwd)}
	for c in arm-off arm-on x86-nof riscv-gp; do
		set -- ${COV_CFG[$c]}; a=$1 o=$s/$c cf=$s/$c/.config t=$SECONDS
		mk=(make -s -C "$wt" O="$o" ARCH=$a -j"${JOBS:-$(nproc)}"); x=${COV_CROSS[$a]:-} && mk+=(${x:+CROSS_COMPILE=$x-})
		mkdir -p "$o" && "${mk[@]}" $2 >/dev/null && shift 2 && "$wt/scripts/config" --file "$cf" $(for kv; do
			case $kv in *=n) echo "-d ${kv%=n}";; *=*) echo "--set-val ${kv/=/ }";; esac; done) &&
			"${mk[@]}" olddefconfig prepare >"$o.log" 2>&1 || { echo "$c: config/prepare failed ($o.log)"; return 1; }
		for kv; do [[ $kv = +* ]] || { [[ $kv = *=n ]] && ! grep -q "^CONFIG_${kv%=n}=" "$cf"; } ||
			grep -qx "CONFIG_$kv" "$cf" || { echo "$c: CONFIG_$kv did not stick"; rc=1; }; done
		echo "== $c config: $((SECONDS - t)) s"; t=$SECONDS
		objs=$(for d in $(for f in $(grep '\.c$' <<<"$files"); do [[ $f = arch/* && $f != arch/${a%_64}/* ]] && continue
			d=${f%/*}; until [ -f "$wt/$d/Makefile" ]; do d=${d%/*}; done; echo $d; done | sort -u); do
			make -s -C "$wt" -f "$o/include/config/auto.conf" -f "$d/Makefile" -f - srctree=. src=$d obj=$d x \
				<<<'x: ; @echo $(addprefix $(obj)/,$(obj-y) $(obj-m))'; done | tr ' ' '\n' |
			grep -xF -f <(sed -n 's/\.c$/.o/p' <<<"$files"); printf '%s\n' "$@" | sed -n 's/^+//p')
		(cd "$o" && rm -f $objs)	# compile again (ccache) so that warnings show
		"${mk[@]}" W=1 $objs >>"$o.log" 2>&1 || { echo "$c: build failed:"; grep -A3 'error' "$o.log"; rc=1; }
		grep 'warning:' "$o.log" | grep -F -f <(sed 's/$/:/; p; s/\.c:$/.o:/' <<<"$files") && rc=1
		[ $a = arm ] && (cd "$o" && nm -Au $objs) | grep -E '__aeabi_u?ldivmod' && rc=1
		mods=$(cd "$o" && for x in $objs; do grep -qs -- -DMODULE "${x%/*}/.${x##*/}.cmd" && echo $x; done)
		[ -z "$mods" ] || (cd "$o" && PATH=/usr/${x:+$x/}bin:$PATH \
			cov_modpost "$mods" "$(grep -vxF -f <(echo "$mods") <<<"$objs")") || rc=1
		echo "== $c build ($(wc -w <<<"$objs") objects, $(wc -w <<<"$mods") modules): $((SECONDS - t)) s"
	done; return $rc
}
[ "${BASH_SOURCE[0]}" != "$0" ] || { set -o pipefail; cov_check "$@"; }
