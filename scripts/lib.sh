# SPDX-License-Identifier: GPL-2.0
# Common settings for the harness scripts. Sourced, never run.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../series.conf
. "$TOP/series.conf"

BUILD=${BUILD:-$TOP/build}
WT=$BUILD/linux			# the kernel work tree (a git repository)
KOUT=${KOUT:-$BUILD/kunit}	# O= for the KUnit/run kernel
LOGS=${LOGS:-$BUILD/logs}
SERIES=${SERIES:-$TOP/series}
JOBS=${JOBS:-$(nproc)}
# Debian's python3 (with python3-ply and python3-git for checkpatch's
# spdxcheck) before any other on the PATH.
export PATH=/usr/bin:$PATH

# ccache: one cache shared by every clone on this machine. BASEDIR makes
# the hashes independent of where the clone lives, so a fresh CI clone
# hits the objects a developer already built.
export CCACHE_BASEDIR=$TOP
export CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime

# Reproducible kernel build identity.
export KBUILD_BUILD_USER=series KBUILD_BUILD_HOST=harness
export KBUILD_BUILD_TIMESTAMP="$BASE_DATE"

msg() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# git in the work tree, always with the project identity.
wgit() {
	GIT_AUTHOR_NAME="$SERIES_NAME" GIT_AUTHOR_EMAIL="$SERIES_EMAIL" \
	GIT_COMMITTER_NAME="$SERIES_NAME" GIT_COMMITTER_EMAIL="$SERIES_EMAIL" \
		git -C "$WT" "$@"
}

have_tree() { [ -d "$WT/.git" ] && git -C "$WT" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null; }

# Run CMD... with its output in FILE: logged FILE CMD...
logged() {
	local f=$1
	shift
	"$@" > "$f" 2>&1
}

# Time a phase: phase NAME CMD...
phase() {
	local name=$1 t0 rc=0
	shift
	t0=$(date +%s)
	msg "== $name"
	"$@" || rc=$?
	msg "== $name: $(( $(date +%s) - t0 )) s (exit $rc)"
	return $rc
}
