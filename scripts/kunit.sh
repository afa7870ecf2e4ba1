#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run the in-tree kunit.py exactly as a kernel CI would, in the work tree,
# with the series' kunitconfig and QEMU config:  kunit.sh run|build|exec [ARGS]
# KUNIT_TREE and KUNIT_OUT name another kernel tree and build directory;
# KUNIT_EXTRA_CONFIG a kunitconfig fragment added to the series' one.
. "$(dirname "$0")/lib.sh"
cmd=$1
shift
cd "${KUNIT_TREE:-$WT}"
# Debian's ccache wrappers: the same aarch64-linux-gnu-gcc, cached.
PATH=/usr/lib/ccache:$PATH exec ./tools/testing/kunit/kunit.py "$cmd" \
	--arch=arm64 --cross_compile="$CROSS_COMPILE" \
	--kunitconfig="$KUNITCONFIG" \
	${KUNIT_EXTRA_CONFIG:+--kunitconfig="$KUNIT_EXTRA_CONFIG"} \
	--qemu_config="$QEMU_CONFIG" \
	--build_dir="${KUNIT_OUT:-$KOUT}" "$@"
