#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make test with the kernel's checkers on: the same suites and the same two
# boots (valid regions, then malformed ones too), built with
# configs/kunit-debug.config (KASAN, PROVE_LOCKING, DEBUG_ATOMIC_SLEEP,
# DMA_API_DEBUG) in a build directory of their own. Any report from them
# is a WARNING or BUG line, which fails the run like a failed case.
. "$(dirname "$0")/lib.sh"
export KOUT=$BUILD/kunit-debug LOGS=$BUILD/logs/debug
export KUNIT_EXTRA_CONFIG=$TOP/configs/kunit-debug.config
# KASAN and lockdep make the guest several times slower under TCG.
export KUNIT_TIMEOUT=${KUNIT_TIMEOUT:-1800}
t0=$(date +%s)
rc=0
"$TOP/scripts/test.sh" || rc=$?
msg "test-debug: $(( $(date +%s) - t0 )) s (build and both boots)"
exit $rc
