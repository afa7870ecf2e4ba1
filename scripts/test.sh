#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make test: the KUnit suites on QEMU arm64 with the valid and real-world overlays,
# then with the malformed one too, each console checked.
# DEBUG=1 (make test-debug): configs/kunit-debug.config added, in build/kunit-debug.
. "$(dirname "$0")/lib.sh"
[ -z "${DEBUG:-}" ] || export KOUT=$BUILD/kunit-debug LOGS=$BUILD/logs/debug \
	KUNIT_TIMEOUT=${KUNIT_TIMEOUT:-1800} KUNIT_EXTRA_CONFIG=$TOP/configs/kunit-debug.config && mkdir -p "$LOGS"
phase tree "$TOP/scripts/tree.sh" --ensure
rc=0
boot() {	# boot NAME KUNIT.SH-ARGS...: a kunit.py boot; its console checked
	local c=$LOGS/$1-console.log x=$LOGS/$1-expect.log
	rm -f "$KOUT/test.log" "$LOGS/$1.json"
	phase "$1" logged "$LOGS/$1.log" kunit "${@:2}" --json="$LOGS/$1.json" \
		${KUNIT_TIMEOUT:+--timeout=$KUNIT_TIMEOUT} || true
	sed -n '/Starting KUnit Kernel/,$p' "$LOGS/$1.log"
	cp "$KOUT/test.log" "$c" 2>/dev/null || : > "$c"
	[ -s "$LOGS/$1.json" ] || tail -n 30 "$LOGS/$1.log"	# no results: why
	# Messages printed while the suites run: between EXPECT markers.
	perl "$WT/scripts/dtc/of_unittest_expect" --hide-expect "$c" > "$x"
	! grep -E '^\*\* (ERROR|.*not found -)|^\*\*  +(EXPECT not|missing|EXPECT_NOT found|unittest FAIL|internal).*: +[1-9]' "$x" || rc=1
	! grep -E 'WARNING:|BUG:|Oops|KASAN:|Kernel panic|Unable to handle kernel' "$c" || rc=1
	echo "$1: $(sed -n 's/^\*\*  *EXPECT found *: *//p' "$x") messages between EXPECT markers found"
}
boot kunit run --jobs="$JOBS"
KUNIT_RMEM_DTSO=$WT/$ERRORS_DTSO:$WT/$DEMO_DTSO KUNIT_RMEM_MEM=$ERRORS_MEM boot kunit-errors exec
python3 "$TOP/scripts/kunit-json.py" "$LOGS"/kunit{,-errors}.json > "$LOGS/summary" || rc=1
cat "$LOGS/summary"
exit $rc
