#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The series' first patch is a stable fix whose test comes later, with the
# OF tests. Prove the test catches the bug: build the whole series with the
# fix reverted (a worktree of its own, build/revert-fix) and run the
# of_reserved_mem suite, which must then fail in exactly FIX_CASES.
. "$(dirname "$0")/lib.sh"

FIX_SUBJECT="of: reserved_mem: keep a no-map region reserved when its init fails"
FIX_CASES="of_rmem_test_no_page_given_away of_rmem_test_restricted_nomap"
RT=$BUILD/revert-fix
fix=$(git -C "$WT" log --format=%H --fixed-strings --grep="$FIX_SUBJECT" "$BASE_TAG"..HEAD)
[ -n "$fix" ] || die "no commit '$FIX_SUBJECT' in $WT"
[ -e "$RT/.git" ] || git -C "$WT" worktree add -q --detach "$RT" HEAD
git -C "$RT" checkout -q --detach -f "$(git -C "$WT" rev-parse HEAD)"
git -C "$RT" revert --no-commit "$fix" || die "the fix does not revert cleanly"
mkdir -p "$LOGS"
# The no-map restricted-dma-pool is a node of the malformed overlay.
KUNIT_RMEM_DTSO=$RT/$ERRORS_DTSO:$RT/$DEMO_DTSO KUNIT_RMEM_MEM=$ERRORS_MEM \
KUNIT_TREE=$RT KUNIT_OUT=$BUILD/revert-fix-out "$TOP/scripts/kunit.sh" run \
	--jobs="$JOBS" --json="$LOGS/revert-fix.json" 'of_reserved_mem.*' \
	> "$LOGS/revert-fix.log" 2>&1 || true
git -C "$RT" reset -q --hard
python3 - "$LOGS/revert-fix.json" $FIX_CASES <<'PY'
import json, sys
cases = {c['name']: c['status'] for s in json.load(open(sys.argv[1]))['sub_groups']
	 for c in s['test_cases']}
want = set(sys.argv[2:])
failed = {n for n, st in cases.items() if st == 'FAIL'}
print('without the fix: failed:', ' '.join(sorted(failed)) or 'none',
      f'({len(cases)} cases run)')
sys.exit(0 if failed == want else 1)
PY
