#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the test kernel and boot it on QEMU arm64 with a reserved-memory
# overlay (DTSO=path, default the series' demo overlay; several paths
# separated by ':' are applied in that order), running no test; print what
# the kernel made of each reserved-memory region. The kernel
# powers off by itself. Exits non-zero if it does not boot to the end of
# its initcalls.
. "$(dirname "$0")/lib.sh"

dtso=
if [ -n "${DTSO:-}" ]; then
	IFS=: read -ra paths <<<"$DTSO"
	for p in "${paths[@]}"; do
		p=$(realpath -e "$p") || die "no such overlay: $p"
		dtso=${dtso:+$dtso:}$p
	done
fi
phase deps "$TOP/scripts/deps.sh"
phase tree "$TOP/scripts/tree.sh" --ensure
[ -n "$dtso" ] || dtso=$WT/$DEMO_DTSO
mkdir -p "$LOGS"
log=$LOGS/run.log
dtb=$LOGS/run.dtb
rm -f "$dtb"
phase build logged "$LOGS/run-build.log" "$TOP/scripts/kunit.sh" build --jobs="$JOBS" ||
	{ tail -n 30 "$LOGS/run-build.log"; die "build failed: $LOGS/run-build.log"; }
rc=0
export KUNIT_RMEM_DTSO=$dtso KUNIT_RMEM_DTB_OUT=$dtb
phase boot logged "$log" "$TOP/scripts/kunit.sh" exec \
	--raw_output=all --timeout=120 'no-test-matches-this' || rc=$?
echo "overlay: $dtso"
echo "boot log: $log"
[ -f "$dtb" ] || { tail -n 20 "$log"; die "QEMU was not started (no device tree made)"; }
python3 "$TOP/scripts/rmem-verdict.py" "$dtb" "$log"
# The KUnit executor runs after every initcall; with no suite selected it
# prints an empty plan and shuts the machine down.
if ! grep -Eq '^(\[ *[0-9]+\.[0-9]+\] )?1\.\.0$' "$log" || ! grep -q 'reboot: Restarting system' "$log" ||
   grep -q 'Kernel panic' "$log"; then
	tail -n 30 "$log"
	die "the kernel did not boot to the end of its initcalls"
fi
echo "booted: the kernel ran all its initcalls and shut the machine down"
exit $rc
