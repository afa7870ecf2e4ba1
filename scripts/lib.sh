# SPDX-License-Identifier: GPL-2.0
# Common settings of the harness scripts, sourced. See docs/reference.md.
set -euo pipefail
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$TOP/series.conf"
BUILD=${BUILD:-$TOP/build} SERIES=${SERIES:-$TOP/series} JOBS=${JOBS:-$(nproc)}
WT=$BUILD/linux KOUT=${KOUT:-$BUILD/kunit} LOGS=${LOGS:-$BUILD/logs}
export PATH=/usr/bin:$PATH	# Debian's python3, with ply and git for checkpatch
# One ccache for every clone on the machine, hashes independent of the clone's place.
export CCACHE_BASEDIR=$TOP CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime
export KBUILD_BUILD_USER=series KBUILD_BUILD_HOST=harness KBUILD_BUILD_TIMESTAMP="$BASE_DATE"
msg() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
wgit() {	# git in the work tree, with the project identity
	GIT_AUTHOR_NAME="$SERIES_NAME" GIT_AUTHOR_EMAIL="$SERIES_EMAIL" \
	GIT_COMMITTER_NAME="$SERIES_NAME" GIT_COMMITTER_EMAIL="$SERIES_EMAIL" git -C "$WT" "$@"
}
have_tree() { [ -d "$WT/.git" ] && git -C "$WT" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null; }
logged() { local f=$1; shift; "$@" > "$f" 2>&1; }	# logged FILE CMD...
phase() {	# phase NAME CMD...: timed
	local name=$1 t0=$SECONDS rc=0
	shift
	msg "== $name"
	"$@" || rc=$?
	msg "== $name: $((SECONDS - t0)) s (exit $rc)"
	return $rc
}
