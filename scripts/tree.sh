#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Make (or bring up to date) the kernel work tree: the pinned base committed
# and tagged, then the series applied with git am. Never discards work: if the
# work tree holds commits or changes the series does not, it stops and says so.
#
#   tree.sh           make the tree, or update it to a changed series
#   tree.sh --ensure  as above, but a tree with local work is used as it is
. "$(dirname "$0")/lib.sh"

ensure=0
[ "${1:-}" = --ensure ] && ensure=1

series_patches() { find "$SERIES" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' ! -name '0000-*' | sort; }
series_hash() { series_patches | xargs -r cat | sha256sum | cut -d' ' -f1; }
marker=$WT/.git/harness-series

make_base() {
	"$TOP/scripts/deps.sh"
	local sum
	sum=$(sha256sum "$BASE_TARBALL" | cut -d' ' -f1)
	if [ "$sum" != "$BASE_SHA256" ]; then
		msg "WARNING: $BASE_TARBALL has sha256 $sum,"
		msg "WARNING: the series is pinned to $BASE_SHA256 ($BASE_PKG $BASE_VERSION)."
		msg "WARNING: going on; the series is applied with 'git am -3'."
	fi
	msg "unpacking $BASE_TARBALL into $WT"
	rm -rf "$WT.tmp"
	mkdir -p "$WT.tmp"
	tar -xf "$BASE_TARBALL" -C "$WT.tmp" --strip-components=1
	# Debian's .gitignore ends with a block that ignores every top-level
	# entry ('/*', '!/debian/') for its own packaging; git add would skip
	# every file. Upstream has no such block: drop it.
	sed -i '/^# Debian packaging: ignore everything at the top level/,$d' "$WT.tmp/.gitignore"
	sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$WT.tmp/.gitignore"
	sed -i '${/^#$/d}' "$WT.tmp/.gitignore"
	git -C "$WT.tmp" init -q -b "$SERIES_BRANCH"
	git -C "$WT.tmp" config feature.manyFiles true
	git -C "$WT.tmp" config user.name "$SERIES_NAME"
	git -C "$WT.tmp" config user.email "$SERIES_EMAIL"
	git -C "$WT.tmp" add -A .
	GIT_AUTHOR_DATE="$BASE_DATE" GIT_COMMITTER_DATE="$BASE_DATE" \
	GIT_AUTHOR_NAME="$SERIES_NAME" GIT_AUTHOR_EMAIL="$SERIES_EMAIL" \
	GIT_COMMITTER_NAME="$SERIES_NAME" GIT_COMMITTER_EMAIL="$SERIES_EMAIL" \
	git -C "$WT.tmp" commit -q -F - <<MSG
Linux $BASE_KVERSION ($BASE_PKG $BASE_VERSION)

Imported from Debian's $BASE_PKG package, version $BASE_VERSION,
$(basename "$BASE_TARBALL") sha256 $sum.

Debian's top-level .gitignore block that ignores every top-level entry
('/*', '!/debian/') for its packaging is dropped, as upstream has none.
MSG
	git -C "$WT.tmp" tag "$BASE_TAG"
	mv "$WT.tmp" "$WT"
	local id
	id=$(git -C "$WT" rev-parse "$BASE_TAG")
	msg "base: $id tagged $BASE_TAG"
	[ "$id" = "$BASE_COMMIT" ] ||
		msg "WARNING: the base commit is not the pinned $BASE_COMMIT: the base differs from the series' base"
}

apply_series() {
	local p
	p=$(series_patches)
	if [ -n "$p" ]; then
		# shellcheck disable=SC2086
		wgit am -q -3 --committer-date-is-author-date $p ||
			die "git am failed in $WT; resolve there ('git am --continue' or '--abort')"
	fi
	series_hash > "$marker"
	tree_content > "$marker.content"
	msg "work tree $WT: $(wgit rev-list --count "$BASE_TAG"..HEAD) patches on $BASE_TAG"
}

# Does the work tree hold exactly what the series (as of when the tree was
# made) held? Compares patch content, ignoring commit ids and dates.
tree_content() {
	wgit log --reverse -p --format='%an%n%ae%n%B' "$BASE_TAG"..HEAD | sha256sum | cut -d' ' -f1
}
tree_matches() { [ "$(tree_content)" = "$1" ]; }

mkdir -p "$BUILD"
if ! have_tree; then
	[ -e "$WT" ] && die "$WT exists but is not a work tree made by the harness; move it away"
	make_base
	apply_series
	exit 0
fi

[ -z "$(git -C "$WT" status --porcelain)" ] || {
	[ $ensure = 1 ] && { msg "note: $WT has uncommitted changes; using it as it is"; exit 0; }
	die "$WT has uncommitted changes: commit them (then 'make export') or stash them first"
}

now=$(series_hash)
# Is the current series already what the tree holds? Compare the export.
tmp=$(mktemp -d)
"$TOP/scripts/export.sh" --to "$tmp" >/dev/null 2>&1 || true
if diff -q -r -x '0000-cover-letter.patch' "$tmp" "$SERIES" >/dev/null 2>&1 ||
   { [ -z "$(series_patches)" ] && [ "$(wgit rev-list --count "$BASE_TAG"..HEAD)" = 0 ]; }; then
	rm -rf "$tmp"
	series_hash > "$marker"
	tree_content > "$marker.content"
	msg "work tree $WT agrees with the series"
	exit 0
fi
rm -rf "$tmp"

applied=$(cat "$marker" 2>/dev/null || echo none)
# The tree has no work of its own if it still holds exactly the patches it
# was made from; then it is safe to re-apply the changed series.
if [ "$applied" != "$now" ] && [ -f "$marker.content" ] &&
   tree_matches "$(cat "$marker.content")"; then
	old=$(wgit rev-parse HEAD)
	wgit branch -f "backup/$(date +%Y%m%d-%H%M%S)" "$old"
	msg "series changed since the tree was made; re-applying (old HEAD kept as a backup branch)"
	wgit reset -q --hard "$BASE_TAG"
	apply_series
	exit 0
fi

if [ $ensure = 1 ]; then
	msg "note: $WT holds commits the series does not (run 'make status'); using it as it is"
	exit 0
fi
die "$WT holds commits that differ from the series: 'make export' to keep them, or move the work tree away to start again"
