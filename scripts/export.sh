#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Regenerate the series from the work tree: git format-patch of base..HEAD,
# numbered, with the cover letter from cover-letter.txt and the base-commit
# recorded. The output is byte-for-byte stable from run to run.
#
#   export.sh            write into series/
#   export.sh --to DIR   write into DIR (used by status and tree)
. "$(dirname "$0")/lib.sh"

out=$SERIES
[ "${1:-}" = --to ] && out=$2
have_tree || die "no work tree: run 'make tree' first"

n=$(wgit rev-list --count "$BASE_TAG"..HEAD)
[ "$n" -gt 0 ] || die "the work tree has no commits on top of $BASE_TAG"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The cover letter: first line the subject, then a blank line, then the body.
wgit config "branch.$SERIES_BRANCH.description" "$(cat "$COVER")"
wgit format-patch -q --numbered --cover-letter --cover-from-description=subject \
	--zero-commit --no-signature --base="$BASE_TAG" -o "$tmp" "$BASE_TAG"..HEAD
# format-patch dates the cover letter "now": give it the last patch's date.
last=$(find "$tmp" -name '*.patch' ! -name '0000-*' | sort | tail -n 1)
date=$(grep -m1 '^Date: ' "$last")
sed -i "0,/^Date: .*/s//$date/" "$tmp/0000-cover-letter.patch"

mkdir -p "$out"
find "$out" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' -delete
cp "$tmp"/*.patch "$out"/
[ "$out" = "$SERIES" ] && msg "exported $n patches and the cover letter to $out"
exit 0
