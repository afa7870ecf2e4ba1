#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Make the kernel work tree or update it from series/: the pinned base committed reproducibly and
# tagged, then each series NN-name/ as the b4 prep branch b4/NN-name on the one before (git am; cover
# letter and b4 tracking in the branch's config). Never discards work: a tree with commits or changes
# series/ does not hold is used as it is (--ensure) or refused.
. "$(dirname "$0")/lib.sh"
mark=$WT/.git/harness-applied
now() { { g for-each-ref --format='%(refname) %(objectname)' refs/heads/b4/; g config --get-regexp '^branch\.b4/'; } |
	sha256sum && cat "$SERIES"/*/* | sha256sum; }	# the b4 branches and their config; series/
apply_series() {
	local d b=$BASE_TAG
	for d in "$SERIES"/[0-9][0-9]-*/; do
		g checkout -q -B "b4/$(basename "$d")" "$b" && b=$(g branch --show-current) &&
			g config "branch.$b.description" "$(cat "$d/cover.txt")" && g config "branch.$b.b4-tracking" "$(cat "$d/b4-tracking.json")"
		ls "$d"0*.eml | grep -v /0000- | xargs git -C "$WT" am -q -3 --committer-date-is-author-date || die "git am failed in $WT"
	done
	now > "$mark" && msg "work tree $WT: $(g rev-list --count "$BASE_TAG"..) patches on $BASE_TAG"
}
"$TOP/scripts/deps.sh"
if ! have_tree; then
	[ -e "$WT" ] && die "$WT exists but is not a work tree made by the harness; move it away"
	sum=$(sha256sum "$BASE_TARBALL" | cut -d' ' -f1) && rm -rf "$WT" && mkdir -p "$WT"
	[ "$sum" = "$BASE_SHA256" ] || msg "WARNING: $BASE_TARBALL is not the pinned $BASE_PKG $BASE_VERSION"
	# Debian's .gitignore ends with a block ignoring every top-level entry (git add would skip every file)
	tar -xf "$BASE_TARBALL" -C "$WT" --strip-components=1 && perl -0pi -e 's/\n+#\n# Debian packaging:.*/\n/s' "$WT/.gitignore"
	g init -q -b base && g add -A . && g config include.path "$TOP/gitconfig" && GIT_AUTHOR_DATE="$BASE_DATE" GIT_COMMITTER_DATE="$BASE_DATE" g commit -q \
		-m "Linux $BASE_KVERSION ($BASE_PKG $BASE_VERSION)" -m "Debian's top-level .gitignore block for its packaging is dropped." \
		-m "sha256 $sum $(basename "$BASE_TARBALL")"
	g tag "$BASE_TAG" && [ "$(g rev-parse HEAD)" = "$BASE_COMMIT" ] || msg "WARNING: the base commit is not the pinned $BASE_COMMIT"
	apply_series && exit 0
fi
g config include.path "$TOP/gitconfig"	# identity, b4, rebase: see there
[ -e "$WT/.git/rebase-apply" ] || [ -e "$WT/.git/rebase-merge" ] && die "a git am or rebase is unfinished in $WT"
if [ -n "$(g status --porcelain)" ]; then
	[ "${1:-}" = --ensure ] && { msg "note: $WT has uncommitted changes; used as it is"; exit 0; }
	die "$WT has uncommitted changes: commit them (then 'make export') or stash them"
fi
cur=$(now) && [ "$cur" = "$(cat "$mark" 2>/dev/null)" ] && exit 0	# as made from series/ or exported
"$TOP/scripts/export.sh" --check >/dev/null && { now > "$mark"; msg "work tree $WT agrees with series/"; exit 0; }
if [ "${cur%%$'\n'*}" = "$(head -n 1 "$mark" 2>/dev/null)" ]; then	# no work since: series/ changed
	g tag "backup/$(date +%Y%m%d-%H%M%S)" HEAD && g checkout -q --detach "$BASE_TAG"
	msg "series/ changed: re-applying it (the old HEAD is kept as a backup/ tag)"
	g for-each-ref --format='%(refname:short)' refs/heads/b4/ | xargs -r git -C "$WT" branch -q -D
	apply_series && exit 0
fi
[ "${1:-}" = --ensure ] && { msg "note: $WT holds work series/ does not ('make status'); used as it is"; exit 0; }
die "$WT holds commits series/ does not: 'make export' to keep them, or move the tree away"
