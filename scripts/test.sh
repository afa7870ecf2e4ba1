#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Set up, build and run the series' KUnit suites on QEMU arm64 with the
# reserved-memory device tree; then boot the same kernel again with the
# malformed regions of ERRORS_DTSO added, run the suites again and check
# the kernel's message for each malformed node. Exits non-zero on any
# failed or crashed case, missing result, missing message, or a WARNING,
# BUG, Oops, KASAN report or panic in either boot; the
# last line is "N passed, N failed, N skipped", both runs together.
. "$(dirname "$0")/lib.sh"

phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
mkdir -p "$LOGS"
rc=0
total_p=0 total_f=0 total_s=0

# summarize NAME LOG CONSOLE: kunit.py's results of one run, added up.
summarize() {
	local name=$1 log=$2 console=$3 sum passed failed skipped errors
	# kunit.py's own report: results, without the build's progress lines.
	sed -n '/Starting KUnit Kernel/,$p' "$log"
	# "Testing complete. Ran N tests: passed: P, failed: F, ..."
	sum=$(grep -a 'Testing complete\. Ran' "$log" | tail -n 1 || true)
	count() { echo "$sum" | grep -o "$1: [0-9]*" | grep -o '[0-9]*' || echo 0; }
	passed=$(count passed)
	failed=$(( $(count failed) + $(count crashed) ))
	skipped=$(count skipped)
	errors=$(count errors)
	if [ -z "$sum" ]; then
		tail -n 40 "$log"
		msg "FAIL: $name: no results from kunit.py (build or boot failed: $log)"
		rc=1
	elif [ "$errors" -gt 0 ]; then
		msg "FAIL: $name: kunit.py reported $errors errors (missing or malformed results)"
		rc=1
	elif [ "$passed" = 0 ]; then
		msg "FAIL: $name: no case passed (was the reserved-memory device tree booted?)"
		rc=1
	fi
	[ "$failed" = 0 ] || rc=1
	# Guest time, from the kernel's own clock (CONFIG_PRINTK_TIME): from
	# the first KTAP line to the last result, and from boot to shutdown.
	awk -v name="$name" '
		match($0, /^\[ *[0-9]+\.[0-9]+\]/) {
			t = substr($0, 2, RLENGTH - 2) + 0; last = t
			if (!first && $0 ~ /KTAP version/) first = t
			if ($0 ~ /# Totals:|^\[[^]]*\] ok [0-9]+ /) done = t
		}
		END { if (first) printf "%s: guest time: KUnit run %.2f s, boot to shutdown %.2f s\n", name, done - first, last }
	' "$console" 2>/dev/null || true
	echo "$name: $passed passed, $failed failed, $skipped skipped (logs: $log, $console)"
	total_p=$((total_p + passed)) total_f=$((total_f + failed)) total_s=$((total_s + skipped))
}

log=$LOGS/kunit.log
phase kunit logged "$log" "$TOP/scripts/kunit.sh" run --jobs="$JOBS" \
	--json="$LOGS/kunit.json" ${KUNIT_TIMEOUT:+--timeout=$KUNIT_TIMEOUT} || rc=$?
cp -f "$KOUT/test.log" "$LOGS/kunit-console.log" 2>/dev/null || true
summarize "valid regions" "$log" "$LOGS/kunit-console.log"
# Messages the suites make the kernel print, from the test sources that
# the work tree has.
expect_src=
for f in $KUNIT_EXPECT_SRC; do
	[ -f "$WT/$f" ] && grep -Eq '^ \* expect:' "$WT/$f" && expect_src=${expect_src:+$expect_src:}$WT/$f
done
echo "messages for the nodes of $REALWORLD_DTSO, and those the suites cause:"
expect_rw=$expect_src
[ -f "$WT/$REALWORLD_DTSO" ] && expect_rw=$WT/$REALWORLD_DTSO${expect_src:+:$expect_src}
python3 "$TOP/scripts/rmem-expect.py" "${expect_rw:--}" "$LOGS/kunit-console.log" || rc=1

# The same kernel, with the malformed regions as well.
if [ -f "$WT/$ERRORS_DTSO" ]; then
	log=$LOGS/kunit-errors.log
	console=$LOGS/kunit-errors-console.log
	rm -f "$KOUT/test.log"
	KUNIT_RMEM_DTSO=$WT/$ERRORS_DTSO:$WT/$DEMO_DTSO KUNIT_RMEM_MEM=$ERRORS_MEM \
	phase kunit-errors logged "$log" "$TOP/scripts/kunit.sh" exec \
		--json="$LOGS/kunit-errors.json" \
		${KUNIT_TIMEOUT:+--timeout=$KUNIT_TIMEOUT} || rc=$?
	cp -f "$KOUT/test.log" "$console" 2>/dev/null || : >"$console"
	summarize "with malformed regions" "$log" "$console"
	echo "messages for the malformed nodes of $ERRORS_DTSO, and those the suites cause:"
	python3 "$TOP/scripts/rmem-expect.py" "$WT/$ERRORS_DTSO${expect_src:+:$expect_src}" "$console" || rc=1
else
	msg "note: no $ERRORS_DTSO in the work tree: no run with malformed regions"
fi
# make run's boot: the kernel's own table has a line for every region.
DTSO='' phase run logged "$LOGS/run-check.log" "$TOP/scripts/run.sh" || rc=1
tail -n 1 "$LOGS/run-check.log"
echo "$total_p passed, $total_f failed, $total_s skipped" | tee "$LOGS/summary"
exit $rc
