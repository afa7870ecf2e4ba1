#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Make the kernel work tree, or bring it up to date with series/: the pinned
# base committed reproducibly and tagged, then each series directory in
# order, an empty commit with its cover letter followed by its patches
# (git am). Never discards work: a tree with commits or changes that
# series/ does not hold is used as it is (--ensure) or refused.
. "$(dirname "$0")/lib.sh"
marker=$WT/.git/harness-applied

make_base() {
	local sum
	sum=$(sha256sum "$BASE_TARBALL" | cut -d' ' -f1)
	[ "$sum" = "$BASE_SHA256" ] || msg "WARNING: $BASE_TARBALL is not the pinned $BASE_PKG $BASE_VERSION; applying with git am -3"
	rm -rf "$WT.tmp" && mkdir -p "$WT.tmp"
	tar -xf "$BASE_TARBALL" -C "$WT.tmp" --strip-components=1
	# Debian's .gitignore ends with a block ignoring every top-level entry
	# for its packaging, so git add would skip every file; upstream has none.
	sed -i '/^# Debian packaging: ignore everything at the top level/,$d' "$WT.tmp/.gitignore"
	sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$WT.tmp/.gitignore"
	sed -i '${/^#$/d}' "$WT.tmp/.gitignore"
	git -C "$WT.tmp" init -q -b "$SERIES_BRANCH" && git -C "$WT.tmp" add -A .
	WT=$WT.tmp GIT_AUTHOR_DATE="$BASE_DATE" GIT_COMMITTER_DATE="$BASE_DATE" wgit commit -q -F - <<MSG
Linux $BASE_KVERSION ($BASE_PKG $BASE_VERSION)

Imported from Debian's $BASE_PKG package, version $BASE_VERSION,
$(basename "$BASE_TARBALL") sha256 $sum.

Debian's top-level .gitignore block that ignores every top-level entry
('/*', '!/debian/') for its packaging is dropped, as upstream has none.
MSG
	git -C "$WT.tmp" tag "$BASE_TAG" && mv "$WT.tmp" "$WT"
	[ "$(git -C "$WT" rev-parse "$BASE_TAG")" = "$BASE_COMMIT" ] ||
		msg "WARNING: the base commit is not the pinned $BASE_COMMIT"
}

apply_series() {
	local d
	for d in "$SERIES"/[0-9][0-9]-*/; do
		printf '%s\n\nSeries-dir: %s\n' "$(cat "$d/cover.txt")" "$(basename "$d")" |
			wgit commit -q --allow-empty -F -
		# shellcheck disable=SC2046
		wgit am -q -3 --committer-date-is-author-date $(ls "$d"0*.patch | grep -v /0000-) ||
			die "git am failed in $WT ('git am --continue' or '--abort' there)"
	done
	wgit rev-parse HEAD > "$marker"
	msg "work tree $WT: $(wgit rev-list --count "$BASE_TAG"..HEAD) commits on $BASE_TAG"
}

"$TOP/scripts/deps.sh"
if ! have_tree; then
	[ -e "$WT" ] && die "$WT exists but is not a work tree made by the harness; move it away"
	make_base && apply_series && exit 0
fi
if [ -n "$(git -C "$WT" status --porcelain)" ]; then
	[ "${1:-}" = --ensure ] && { msg "note: $WT has uncommitted changes; used as it is"; exit 0; }
	die "$WT has uncommitted changes: commit them (then 'make export') or stash them"
fi
"$TOP/scripts/export.sh" --check >/dev/null && { msg "work tree $WT agrees with series/"; exit 0; }
if [ "$(wgit rev-parse HEAD)" = "$(cat "$marker" 2>/dev/null)" ]; then
	wgit branch -f "backup/$(date +%Y%m%d-%H%M%S)" HEAD
	msg "series/ changed: re-applying it (the old HEAD is kept as a backup branch)"
	wgit reset -q --hard "$BASE_TAG" && apply_series && exit 0
fi
[ "${1:-}" = --ensure ] && { msg "note: $WT holds work series/ does not ('make status'); used as it is"; exit 0; }
die "$WT holds commits series/ does not: 'make export' to keep them, or move the tree away"
