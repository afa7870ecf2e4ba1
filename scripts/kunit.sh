#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run the in-tree kunit.py exactly as a kernel CI would, in the work tree,
# with the series' kunitconfig and QEMU config:  kunit.sh run|build|exec [ARGS]
. "$(dirname "$0")/lib.sh"
cmd=$1
shift
cd "$WT"
# Debian's ccache wrappers: the same aarch64-linux-gnu-gcc, cached.
PATH=/usr/lib/ccache:$PATH exec ./tools/testing/kunit/kunit.py "$cmd" \
	--arch=arm64 --cross_compile="$CROSS_COMPILE" \
	--kunitconfig="$KUNITCONFIG" --qemu_config="$QEMU_CONFIG" \
	--build_dir="$KOUT" "$@"
