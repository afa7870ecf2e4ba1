#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# deps.sh's install path from nothing, as on a new machine (CI runs it every time): in a private
# mount namespace, empty tmpfs over /usr/src, apt's lists and cache, and without the backports
# suite's apt source and pin, deps.sh installs the pinned kernel source and a new venv (no pip
# cache). Nothing outside changes but dpkg's record of the reinstalled package. Needs root.
. "$(dirname "$0")/lib.sh"
if [ "${1:-}" != --inside ]; then
	[ "$(id -u)" = 0 ] || die "fresh.sh needs root (a mount namespace)"
	exec unshare --mount --propagation private "$0" --inside
fi
tmp=$(mktemp -d) && on_exit 'rm -rf "$tmp"'
for d in /etc/apt/sources.list.d /etc/apt/preferences.d; do	# the same, less ours
	mkdir -p "$tmp$d" && cp -a "$d"/. "$tmp$d"/ && rm -f "$tmp$d/$BASE_SUITE".* && mount --bind "$tmp$d" "$d"
done
for d in /usr/src /var/lib/apt/lists /var/cache/apt; do mount -t tmpfs none "$d"; done
mkdir -p /var/lib/apt/lists/partial /var/cache/apt/archives/partial
[ ! -e "$BASE_TARBALL" ] && [ ! -e "/etc/apt/sources.list.d/$BASE_SUITE.sources" ] || die "could not hide the installed state"
BUILD=$tmp/build PIP_NO_CACHE_DIR=1 "$TOP/scripts/deps.sh"
sum=$(sha256sum "$BASE_TARBALL" | cut -d' ' -f1)
[ "$sum" = "$BASE_SHA256" ] || die "$BASE_TARBALL: sha256 $sum, not the pinned $BASE_SHA256"
"$tmp/build/venv/bin/dt-validate" --version > /dev/null && "$tmp/build/venv/bin/b4" --version > /dev/null ||
	die "the new venv has no working dt-validate or b4"
echo "fresh install: $BASE_PKG $BASE_VERSION (sha256 ok) and the venv (dt-validate, b4) from nothing"
