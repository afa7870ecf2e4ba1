#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Write series/NN-name/ with b4 from each b4 prep branch b4/NN-name: b4 prep --auto-to-cc adds
# get_maintainer.pl's To and Cc to the cover letter, b4 send -o writes the series, with base-commit
# and the prerequisite-patch-ids of the series NN-name/needs lists (by hand), beside the cover letter
# (cover.txt) and b4's tracking. Stable run to run: Date is the commit's and the headers b4 makes
# anew each time are dropped (Message-Id, threading, X-B4-Tracking). --check: say if they agree.
. "$(dirname "$0")/lib.sh"
have_tree || die "no work tree: run 'make tree' first"
[ -e "$WT/.git/rebase-apply" ] || [ -e "$WT/.git/rebase-merge" ] && die "a git am or rebase is unfinished in $WT"
out=$(mktemp -d) && on_exit 'rm -rf "$out"; git -C "$SCRATCH" checkout -q --detach 2>/dev/null'
[ -e "$SCRATCH/.git" ] || g worktree add -q --detach "$SCRATCH"
bb() { g config "branch.$1.b4-tracking" | python3 -c 'import json, sys; print(json.load(sys.stdin)["series"]["base-branch"])'; }
branches=$(g for-each-ref --format='%(refname:short)' 'refs/heads/b4/[0-9][0-9]-*') && [ -n "$branches" ] || die "no b4/NN-name branch"
for b in $branches; do
	d=$out/${b#b4/} && mkdir -p "$d" && cp "$SERIES/${b#b4/}/needs" "$d/" 2>/dev/null || true
	pre=$(for n in $(cat "$d/needs" 2>/dev/null); do g rev-parse -q --verify "b4/$n" > /dev/null || die "$b needs no b4/$n"
		g log -p --reverse "$(bb "b4/$n")..b4/$n"; done | git patch-id --stable | cut -d' ' -f1) || exit 1
	g config "branch.$b.b4-tracking" "$(g config "branch.$b.b4-tracking" | python3 -c 'import json, sys
t = json.load(sys.stdin); t["series"]["prerequisites"] = ["base-commit: " + sys.argv[1]] + ["patch-id: " + p for p in sys.argv[2:]]
print(json.dumps(t))' "$BASE_TAG" $pre)"
	git -C "$SCRATCH" checkout -q -f --ignore-other-worktrees "$b"
	(cd "$SCRATCH" && "$BUILD/venv/bin/b4" -q prep --auto-to-cc && "$BUILD/venv/bin/b4" -q send --no-sign --not-me-too -o "$d") > "$LOGS/export-b4.log" 2>&1 ||
		{ cat "$LOGS/export-b4.log"; die "b4 failed on $b"; }
	mapfile -t dates < <(g log --reverse --format=%aD "$(bb "$b")..$b")
	for f in "$d"/0*.eml; do k=$((10#$(basename "$f" | cut -c1-4))) && [ $k -gt 0 ] || k=${#dates[@]}
		awk -v date="${dates[k - 1]}" 'h && /^$/ { h = 0 } h && /^[^ \t]/ { skip = /^(Message-Id|In-Reply-To|References|X-B4-Tracking):/ }
			h && /^Date: / { $0 = "Date: " date } !(h && skip)' h=1 "$f" > "$f.t" && mv "$f.t" "$f"
	done
	printf "%s\n" "$(g config "branch.$b.description")" > "$d/cover.txt" && g config "branch.$b.b4-tracking" > "$d/b4-tracking.json"
done
if [ "${1:-}" = --check ]; then
	rc=0 && diff -r -q "$out" "$SERIES" | sed "s|$out|work tree|; s|$SERIES|series|" || rc=$?
	exit $rc	# 1: they differ
fi
find "$SERIES" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9]-*' -exec rm -rf {} +
cp -r "$out"/. "$SERIES"/
msg "exported $(ls "$out" | wc -l) series, $(ls "$out"/*/0*.eml | grep -vc /0000-) patches, to $SERIES"
