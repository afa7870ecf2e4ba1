#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Say whether the work tree and the series agree.
. "$(dirname "$0")/lib.sh"

echo "work tree: $WT"
have_tree || { echo "no work tree: run 'make tree'"; exit 0; }
echo "base:      $BASE_TAG $(git -C "$WT" rev-parse "$BASE_TAG")"
echo "branch:    $(git -C "$WT" rev-parse --abbrev-ref HEAD), $(git -C "$WT" rev-list --count "$BASE_TAG"..HEAD) commits on the base"
ok=1
dirty=$(git -C "$WT" status --porcelain)
if [ -n "$dirty" ]; then
	echo "UNCOMMITTED changes in the work tree:"
	echo "$dirty" | sed 's/^/  /' | head -n 20
	ok=0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "$(git -C "$WT" rev-list --count "$BASE_TAG"..HEAD)" -gt 0 ]; then
	"$TOP/scripts/export.sh" --to "$tmp"
fi
d=$(diff -r -q "$tmp" "$SERIES" 2>&1 | sed -e "s|$tmp/||g" -e "s|$SERIES/|series/|g" || true)
if [ -n "$d" ]; then
	echo "series and work tree DIFFER (unexported commits, or a series not yet applied):"
	echo "$d" | sed 's/^/  /'
	ok=0
fi
if [ -n "$(git -C "$TOP" status --porcelain -- series cover-letter.txt)" ]; then
	echo "series/ has uncommitted changes in the project repo"
	ok=0
fi
[ $ok = 1 ] && echo "agree: the series is exactly the work tree's commits"
exit 0
