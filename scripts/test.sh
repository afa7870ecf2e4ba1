#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Set up, build and run the series' KUnit suites on QEMU arm64 with the
# reserved-memory device tree. Exits non-zero on any failed or crashed case,
# or on missing results; the last line is "N passed, N failed, N skipped".
. "$(dirname "$0")/lib.sh"

phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
mkdir -p "$LOGS"
log=$LOGS/kunit.log
rc=0
phase kunit logged "$log" "$TOP/scripts/kunit.sh" run --jobs="$JOBS" \
	--json="$LOGS/kunit.json" || rc=$?
# kunit.py's own report: results, without the build's progress lines.
sed -n '/Starting KUnit Kernel/,$p' "$log"
cp -f "$KOUT/test.log" "$LOGS/kunit-console.log" 2>/dev/null || true

# kunit.py's summary: "Testing complete. Ran N tests: passed: P, failed: F, ..."
sum=$(grep -a 'Testing complete\. Ran' "$log" | tail -n 1 || true)
count() { echo "$sum" | grep -o "$1: [0-9]*" | grep -o '[0-9]*' || echo 0; }
passed=$(count passed)
failed=$(( $(count failed) + $(count crashed) ))
skipped=$(count skipped)
errors=$(count errors)
if [ -z "$sum" ]; then
	tail -n 40 "$log"
	msg "FAIL: no results from kunit.py (build or boot failed: $log)"
	rc=1
elif [ "$errors" -gt 0 ]; then
	msg "FAIL: kunit.py reported $errors errors (missing or malformed results)"
	rc=1
elif [ "$passed" = 0 ]; then
	msg "FAIL: no case passed (was the reserved-memory device tree booted?)"
	rc=1
fi
[ "$failed" = 0 ] || rc=1
# Guest time, from the kernel's own clock (CONFIG_PRINTK_TIME): from the
# first KTAP line to the last result, and from boot to shutdown.
awk '
	match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
		t = substr($0, 2, RLENGTH - 2) + 0; last = t
		if (!first && $0 ~ /KTAP version/) first = t
		if ($0 ~ /# Totals:|^\[[^]]*\] ok [0-9]+ /) done = t
	}
	END { if (first) printf "guest time: KUnit run %.2f s, boot to shutdown %.2f s\n", done - first, last }
' "$LOGS/kunit-console.log" 2>/dev/null || true
echo "logs: $log, $LOGS/kunit-console.log, $LOGS/kunit.json"
echo "$passed passed, $failed failed, $skipped skipped" | tee "$LOGS/summary"
exit $rc
