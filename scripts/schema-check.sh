#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# schema-check.sh [-m MiB] OVERLAY.dtso...: each overlay merged onto QEMU's virt DTB of MiB (1024) RAM, checked as
# dtbs_check does (dtc W=1, dt-validate -m); fails on a finding about its own nodes that $ACCEPTED does not list, or a stale one.
. "$(dirname "$0")/lib.sh" && [ $# -gt 0 ] || { sed -n 3,4p "$0" >&2; exit 2; }	# the venv of deps.sh:
KSRC=${KSRC:-$WT} ACCEPTED=${ACCEPTED:-$TOP/schema-accepted} PATH=$BUILD/venv/bin:$PATH
out=${SCHEMA_OUT:-$BUILD/schema-out} tmp=$(mktemp -d) mem=1024 n=0 checked='|' && on_exit 'rm -rf "$tmp"'
touch "$tmp/found" "$tmp/ours"
d=$KOUT/scripts/dtc && [ -x "$d/fdtoverlay" ] || d=/usr/bin	# kbuild's dtc and fdtoverlay if built
b=$KSRC/Documentation/devicetree/bindings && mkdir -p "$out" && find "$b" -name '*.yaml' ! -name 'processed-schema*' | sort > "$tmp/yaml"
schema=$out/processed-schema-$({ dt-validate -V; xargs sha256sum < "$tmp/yaml" | sed "s| $b/| |"; } | sha256sum | cut -c1-16).json
[ -s "$schema" ] || { echo "making $schema" >&2; dt-mk-schema -j @"$tmp/yaml" > "$tmp/s.json"; mv "$tmp/s.json" "$schema"; }
while [ $# -gt 0 ]; do
	[ "$1" = -m ] && { mem=$2; shift 2; continue; }
	n=$((n + 1)) f=$1 o=$(basename "$1") && checked+="$o|" && shift
	[ -s "$tmp/virt-$mem.dtb" ] || qemu-system-aarch64 -nodefaults -display none -accel kvm -accel tcg \
		-machine virt,dumpdtb="$tmp/virt-$mem.dtb" -cpu max -smp 2 -m "$mem" 2>/dev/null
	"$d/dtc" -@ -I dts -O dtb -o "$tmp/$n.dtbo" -Wno-unique_unit_address -Wunique_unit_address_if_enabled "$f" 2>&1 |
		sed -n "s#\(__overlay__[^:]*\):\([^ ]\)#\1: \2#; t x; :x; s#.*Warning (\(.*\)): /fragment@[0-9]*/__overlay__\([^:]*\): #$o|\2|dtc \1: #p; t; s#^#$o|-|dtc: #p; w /dev/stderr" >> "$tmp/found"
	"$d/fdtoverlay" -i "$tmp/virt-$mem.dtb" -o "$tmp/$n.dtb" "$tmp/$n.dtbo"
	for g in $(fdtget -l "$tmp/$n.dtbo" /); do t=$(fdtget -ts "$tmp/$n.dtbo" "/$g" target-path 2>/dev/null) &&	# its nodes:
		fdtget -l "$tmp/$n.dtbo" "/$g/__overlay__" | sed "s#^#$n|$o|${t%/}/#" >> "$tmp/ours"; done	# what fragments add
done
dt-validate -m -s "$schema" --json-output "$tmp/diag.json" "$tmp"/[0-9]*.dtb > /dev/null 2>&1 || true
python3 -c 'import json, os, sys
ours = [l.rstrip("\n").split("|") for l in open(sys.argv[2])]
for e in json.load(open(sys.argv[1])):
	n, node, msg, pp = os.path.basename(e["file"])[:-4], e.get("node", "/"), e["message"].split("\n")[0], e.get("property_path")
	msg = "/".join(map(str, pp)) + ": " + msg if pp else msg
	sys.stdout.writelines(f"{o}|{node}|{msg}\n" for m, o, p in ours if m == n and (node + "/").startswith(p + "/"))' \
	"$tmp/diag.json" "$tmp/ours" >> "$tmp/found"
awk -v checked="$checked" -v acc="$ACCEPTED" 'FILENAME == acc { if (/^[ \t]*(#|$)/ || !index(checked, "|" $1 "|")) next
		if (NF < 4) { print "BAD LINE " $0; bad++; next } a++; ov[a] = $1; nd[a] = $2; pt[a] = $3; next }
	{ m = $0; sub(/^[^|]*\|[^|]*\|/, "", m); ok = 0; all++
	  for (i = 1; i <= a; i++) if ($1 == ov[i] && $2 == nd[i] && m ~ pt[i]) ok = hit[i] = 1
	  printf "%s %s: %s: %s\n", ok ? "accepted" : "NEW     ", $1, $2, m; bad += !ok }
	END { for (i = 1; i <= a; i++) if (!hit[i]) { printf "STALE    %s: %s: %s\n", ov[i], nd[i], pt[i]; bad++ }
	      printf "schema-check: %d findings, %d unlisted or stale\n", all, bad; exit bad > 0 }' FS='|' "$ACCEPTED" "$tmp/found"
