#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Write series/ from the work tree: one directory per series, NN-name/, with
# cover.txt (its cover letter's text) and git format-patch output: the cover
# letter, the patches, To/Cc from get_maintainer.pl and the base-commit with
# the prerequisite-patch-id of the series that NN-name/needs lists (written
# by hand: one NN-name per line). In the work tree each
# series starts with an empty commit holding its cover letter and a
# "Series-dir: NN-name" trailer (what b4 prep's cover commit does).
# Byte-for-byte stable. export.sh --check: only say whether they agree.
. "$(dirname "$0")/lib.sh"
have_tree || die "no work tree: run 'make tree' first"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# --nokeywords: K: patterns match words of the messages (arm, riscv, a SoC
# named as an example), not the code a series changes.
gm() { (cd "$WT" && ./scripts/get_maintainer.pl --no-rolestats --nogit --nogit-fallback --nokeywords "$@" 2>/dev/null); }
series_export() { # DIR COVER-COMMIT LAST-COMMIT
	local d=$out/$1 c=$2 last=$3 to cc
	mkdir -p "$d"
	wgit log -1 --format=%B "$c" | sed '/^Series-dir: /d' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$d/cover.txt"
	wgit format-patch -q -o "$d/p" "$c..$last"
	to=$(gm --m --nor --nol "$d"/p/*.patch | sed 's/^/--to=/')
	cc=$(gm --nom --r --l "$d"/p/*.patch | sed 's/^/--cc=/')
	rm -rf "$d/p"
	# The cover letter comes from the description of the range's branch.
	wgit branch -f harness-export "$last"
	wgit config branch.harness-export.description "$(cat "$d/cover.txt")"
	mapfile -t rcpt < <(printf '%s\n' "$to" "$cc" | grep .)
	wgit format-patch -q --numbered --cover-letter --cover-from-description=subject \
		--zero-commit --no-signature --base="$BASE_TAG" "${rcpt[@]}" -o "$d" "$c..harness-export"
	wgit branch -q -D harness-export
	# Prerequisites: only the patches of the series NN-name/needs lists.
	cp "$SERIES/$1/needs" "$d/" 2>/dev/null || true
	local keep n
	keep=$(for n in $(cat "$d/needs" 2>/dev/null); do
		ls "$out/$n"/0*.patch | grep -v /0000- | xargs cat | git patch-id --stable
	done | cut -d' ' -f1)
	awk -v keep="$keep" '/^prerequisite-patch-id: / { next } { print }
		/^base-commit: / { n = split(keep, k); for (i = 1; i <= n; i++)
			print "prerequisite-patch-id: " k[i] }' "$d/0000-cover-letter.patch" > "$d/c" &&
		mv "$d/c" "$d/0000-cover-letter.patch"
	# format-patch dates the cover letter "now": give it the last patch's date.
	sed -i "0,/^Date: .*/s//$(grep -m1 '^Date: ' "$(ls "$d"/0*.patch | tail -n 1)")/" "$d/0000-cover-letter.patch"
}
cover= name= prev=
for c in $(wgit rev-list --reverse "$BASE_TAG"..HEAD); do
	n=$(wgit log -1 --format='%(trailers:key=Series-dir,valueonly)' "$c" | head -n 1)
	if [ -n "$n" ]; then
		[ -n "$cover" ] && series_export "$name" "$cover" "$prev"
		cover=$c name=$n
	fi
	prev=$c
done
[ -n "$cover" ] || die "no series in the work tree (no commit with a Series-dir: trailer)"
series_export "$name" "$cover" "$prev"
if [ "${1:-}" = --check ]; then
	diff -r -q "$out" "$SERIES" | sed "s|$out|work tree|; s|$SERIES|series|"
	exit "${PIPESTATUS[0]}"
fi
find "$SERIES" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9]-*' -exec rm -rf {} +
cp -r "$out"/. "$SERIES"/
msg "exported $(ls "$out" | wc -l) series, $(ls "$out"/*/0*.patch | grep -vc /0000-) patches, to $SERIES"
