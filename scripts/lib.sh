# SPDX-License-Identifier: GPL-2.0
# Common settings of the harness scripts, sourced. See docs/reference.md.
set -eEuo pipefail
# No silent stop: the ERR trap notes the failed command and line, the EXIT trap names it
# (scripts that clean up on exit add to it with on_exit).
trap 'failed="${BASH_SOURCE[0]##*/}:$LINENO: $BASH_COMMAND (exit $?)"' ERR
cleanup=
trap 'rc=$?; eval "$cleanup"; [ $rc = 0 ] || [ -z "${failed:-}" ] || printf "error: %s stopped at %s\n" "${0##*/}" "$failed" >&2' EXIT
on_exit() { cleanup+="$*;"; }
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$TOP/series.conf"
BUILD=${BUILD:-$TOP/build} SERIES=${SERIES:-$TOP/series} JOBS=${JOBS:-$(nproc)}
WT=$BUILD/linux SCRATCH=$BUILD/bisect KOUT=${KOUT:-$BUILD/kunit} LOGS=${LOGS:-$BUILD/logs}
mkdir -p "$LOGS"
export PATH=/usr/bin:$PATH	# Debian's python3, with ply and git for checkpatch
# One ccache for every clone on the machine, hashes independent of the clone's place.
export CCACHE_BASEDIR=$TOP CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime
export KBUILD_BUILD_USER=series KBUILD_BUILD_HOST=harness KBUILD_BUILD_TIMESTAMP="$BASE_DATE"
msg() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
g() { git -C "$WT" "$@"; }	# git in the work tree (its config has the project identity)
have_tree() { [ -d "$WT/.git" ] && git -C "$WT" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null; }
kunit() {	# kunit run|build|exec|config [ARGS]: kunit.py with the series' kunitconfig and QEMU config;
	# KUNIT_TREE, KUNIT_OUT: another tree, build directory; KUNIT_EXTRA_CONFIG: a kunitconfig added
	# (configs/kunit-harness.config always is: what make run needs)
	(cd "${KUNIT_TREE:-$WT}" && PATH=/usr/lib/ccache:$PATH ./tools/testing/kunit/kunit.py "$1" --arch=arm64 \
		--cross_compile="$CROSS_COMPILE" --kunitconfig="$KUNITCONFIG" --kunitconfig="$TOP/configs/kunit-harness.config" \
		${KUNIT_EXTRA_CONFIG:+--kunitconfig="$KUNIT_EXTRA_CONFIG"} \
		--qemu_config="$QEMU_CONFIG" --build_dir="${KUNIT_OUT:-$KOUT}" "${@:2}")
}
logged() { local f=$1; shift; "$@" > "$f" 2>&1; }	# logged FILE CMD...
phase() {	# phase NAME CMD...: timed
	local name=$1 t0=$SECONDS rc=0 && shift && msg "== $name"
	"$@" || rc=$?; msg "== $name: $((SECONDS - t0)) s (exit $rc)"; return $rc
}
