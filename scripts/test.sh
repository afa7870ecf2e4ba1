#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make test: the KUnit suites on QEMU arm64 with the valid and real-world
# overlays, then with the malformed one too (ERRORS_*), each console checked;
# then make run's boot. DEBUG=1 (make test-debug): configs/kunit-debug.config
# added, in build/kunit-debug. Last line: "N passed, N failed, N skipped".
. "$(dirname "$0")/lib.sh"
if [ -n "${DEBUG:-}" ]; then	# KASAN and lockdep: a guest several times slower
	export KOUT=$BUILD/kunit-debug LOGS=$BUILD/logs/debug KUNIT_TIMEOUT=${KUNIT_TIMEOUT:-1800}
	export KUNIT_EXTRA_CONFIG=$TOP/configs/kunit-debug.config
fi
phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
mkdir -p "$LOGS"
rc=0
boot() {	# boot NAME DTSO KUNIT.SH-ARGS...: DTSO's "// expect:" messages checked
	local name=$1 dtso=$2 c=$LOGS/$1-console.log x=$LOGS/$1-expect.log m
	rm -f "$KOUT/test.log" "$LOGS/$name.json"
	phase "$name" logged "$LOGS/$name.log" "$TOP/scripts/kunit.sh" "${@:3}" \
		--json="$LOGS/$name.json" ${KUNIT_TIMEOUT:+--timeout=$KUNIT_TIMEOUT} || true
	sed -n '/Starting KUnit Kernel/,$p' "$LOGS/$name.log"
	cp "$KOUT/test.log" "$c" 2>/dev/null || { tail -n 30 "$LOGS/$name.log"; : > "$c"; }
	# Messages printed while the suites run: between EXPECT markers.
	perl "$WT/scripts/dtc/of_unittest_expect" --hide-expect "$c" > "$x"
	sed -n "s/^\*\*     \(EXPECT found\) *:/$name: \1:/p" "$x"
	! grep -E '^\*\* (ERROR|.*WARNING - not found)|^\*\*     (EXPECT not|missing|EXPECT_NOT found|unittest FAIL|internal).*: +[1-9]' "$x" || rc=1
	# Messages of the early scan: each once. Splats.
	while IFS= read -r m; do
		[ "$(grep -cF -- "$m" "$c")" = 1 ] || { echo "FAIL: not once in $c: $m"; rc=1; }
	done < <(sed -n 's|^\s*// expect: ||p' "$dtso")
	echo "$name: $(grep -c '// expect: ' "$dtso") early-scan messages of ${dtso##*/} checked"
	! grep -E 'WARNING:|BUG:|Oops|KASAN:|Kernel panic|Unable to handle kernel' "$c" || rc=1
}
boot kunit "$WT/$REALWORLD_DTSO" run --jobs="$JOBS"
KUNIT_RMEM_DTSO=$WT/$ERRORS_DTSO:$WT/$DEMO_DTSO KUNIT_RMEM_MEM=$ERRORS_MEM \
	boot kunit-errors "$WT/$ERRORS_DTSO" exec
DTSO='' phase run logged "$LOGS/run-check.log" "$TOP/scripts/run.sh" || rc=1
tail -n 1 "$LOGS/run-check.log"
python3 "$TOP/scripts/kunit-json.py" "$LOGS"/kunit{,-errors}.json > "$LOGS/summary" || rc=1
cat "$LOGS/summary"
exit $rc
