#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The in-tree kunit.py as a kernel CI runs it, with the series' kunitconfig and
# QEMU config: kunit.sh run|build|exec|config [ARGS]. KUNIT_TREE, KUNIT_OUT:
# another tree, build directory; KUNIT_EXTRA_CONFIG: a kunitconfig added.
. "$(dirname "$0")/lib.sh"
cd "${KUNIT_TREE:-$WT}"
PATH=/usr/lib/ccache:$PATH exec ./tools/testing/kunit/kunit.py "$1" --arch=arm64 \
	--cross_compile="$CROSS_COMPILE" --kunitconfig="$KUNITCONFIG" \
	${KUNIT_EXTRA_CONFIG:+--kunitconfig="$KUNIT_EXTRA_CONFIG"} \
	--qemu_config="$QEMU_CONFIG" --build_dir="${KUNIT_OUT:-$KOUT}" "${@:2}"
