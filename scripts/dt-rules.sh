#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# dt-rules.sh: the device-tree rules of external/ over every in-tree DTB of the base. Builds the base's
# scripts/dtc with external/dtc/*.patch and compiles the corpus with it (corpus.sh); validates the DTBs
# that have /reserved-memory with dt-validate against the pinned dtschema with external/dt-schema/*.patch
# (a patched copy, never the venv). Prints per rule the DTBs and nodes flagged (listed in
# build/logs/dt-rules.log) and proves each rule flags scripts/dt-rules/RULE-bad.dts and not RULE-good.dts.
# Fails on a harness error or a rule that misses its fixture, never on what the corpus has (counts only).
. "$(dirname "$0")/lib.sh"
have_tree || "$TOP/scripts/tree.sh" --ensure >&2
EXT=$TOP/external FIX=$TOP/scripts/dt-rules DR=$BUILD/dt-rules VENV=$BUILD/venv LOG=$LOGS/dt-rules.log
RULES="overlap alignment cma-default dma-default"	# overlap: dtc; the others: dt-schema
tmp=$(mktemp -d) && on_exit 'rm -rf "$tmp"' && mkdir -p "$DR"
[ -x "$VENV/bin/dt-validate" ] || die "no dt-validate in $VENV: run make deps"
ls "$EXT"/dtc/*.patch "$EXT"/dt-schema/*.patch > /dev/null 2>&1 || die "no patches in $EXT/dtc or $EXT/dt-schema"

prune() { find "$DR" -mindepth 1 -maxdepth 1 -name "$2*" ! -name "$1" -exec rm -rf {} +; }	# prune KEEP PREFIX: stale caches

build_dtc() {	# the base's scripts/dtc (synced from upstream dtc) with the dtc patches: DTC
	local key s p
	key=$({ echo "$BASE_COMMIT"; cat "$EXT"/dtc/*.patch; } | sha256sum | cut -c1-12)
	DTC=$DR/dtc-$key/dtc && prune dtc-$key dtc-
	[ -x "$DTC" ] && return 0
	s=$tmp/dtc && mkdir -p "$s" && g archive "$BASE_TAG:scripts/dtc" | tar -x -C "$s" || die "cannot extract scripts/dtc"
	for p in "$EXT"/dtc/*.patch; do	# upstream's paths are the kernel copy's under scripts/dtc; no tests/ there
		(cd "$s" && git apply -p1 --exclude='tests/*' --exclude=meson.build --exclude=Makefile "$p") 2> "$tmp/apply" && continue
		(cd "$s" && git apply -C1 -p1 --exclude='tests/*' --exclude=meson.build --exclude=Makefile "$p") 2>> "$tmp/apply" ||
			{ cat "$tmp/apply" >&2; die "${p##*/} does not apply to the base's scripts/dtc"; }
		msg "dt-rules: ${p##*/} applied to the base's older scripts/dtc with one line of context (git apply -C1)"
	done
	(cd "$s" && flex -o dtc-lexer.lex.c dtc-lexer.l && bison -d -o dtc-parser.tab.c dtc-parser.y &&
		gcc -O2 -Wall -I. -Ilibfdt -DNO_YAML -o dtc dtc.c flattree.c fstree.c data.c livetree.c treesource.c \
			srcpos.c checks.c util.c dtc-lexer.lex.c dtc-parser.tab.c) > "$LOGS/dt-rules-dtc.log" 2>&1 ||
		{ cat "$LOGS/dt-rules-dtc.log" >&2; die "cannot build the patched dtc"; }
	mkdir -p "${DTC%/*}" && mv "$s/dtc" "$DTC.tmp" && mv "$DTC.tmp" "$DTC"
}

make_schema() {	# a copy of the pinned dtschema with the dt-schema patches, processed with the kernel's
	# reserved-memory bindings: PKG (for PYTHONPATH), SCHEMA; cached on the inputs
	local site key p
	site=$("$VENV/bin/python3" -c 'import dtschema, os; print(os.path.dirname(dtschema.__file__))') || die "no dtschema in $VENV"
	key=$({ "$VENV/bin/dt-validate" -V; cat "$EXT"/dt-schema/*.patch; g rev-parse "$BASE_TAG:Documentation/devicetree/bindings/reserved-memory"; } |
		sha256sum | cut -c1-12)
	PKG=$DR/dtschema-$key SCHEMA=$DR/dtschema-$key/processed-schema.json && prune "dtschema-$key" dtschema-
	[ -s "$SCHEMA" ] && return 0
	mkdir -p "$tmp/pkg" "$tmp/kb" && cp -a "$site" "$tmp/pkg/" || die "cannot copy $site"
	for p in "$EXT"/dt-schema/*.patch; do
		(cd "$tmp/pkg" && git apply -p1 --include='dtschema/schemas/*' "$p") || die "${p##*/} does not apply to dtschema $("$VENV/bin/dt-validate" -V)"
	done
	g archive "$BASE_TAG:Documentation/devicetree/bindings/reserved-memory" | tar -x -C "$tmp/kb" --wildcards '*.yaml' ||
		die "cannot extract the kernel's reserved-memory bindings"
	PYTHONPATH=$tmp/pkg "$VENV/bin/dt-mk-schema" -j "$tmp/kb" > "$tmp/pkg/processed-schema.json" 2> "$LOGS/dt-rules-schema.log" &&
		[ -s "$tmp/pkg/processed-schema.json" ] || { cat "$LOGS/dt-rules-schema.log" >&2; die "dt-mk-schema failed"; }
	rm -rf "$PKG" && mv "$tmp/pkg" "$PKG"
}

validate() {	# validate OUT.json DTB...: dt-validate limited to the reserved-memory schemas, 2 at a time
	local out=$1 && shift && mkdir -p "$tmp/v" && rm -f "$tmp"/v/*
	printf '%s\n' "$@" | xargs -d '\n' -P2 -n120 bash -c 'PYTHONPATH=$1 "$2" -s "$3" -l reserved-memory/ \
		--json-output "$(mktemp -p "$4" XXXXXX.json)" "${@:5}" > /dev/null 2>> "$4/stderr"; exit 0' _ \
		"$PKG" "$VENV/bin/dt-validate" "$SCHEMA" "$tmp/v"
	! grep -q Traceback "$tmp/v/stderr" 2> /dev/null || { cat "$tmp/v/stderr" >&2; die "dt-validate failed"; }
	"$VENV/bin/python3" -c 'import json, sys; json.dump([e for f in sys.argv[2:] for e in json.load(open(f))], open(sys.argv[1], "w"))' \
		"$out" "$tmp"/v/*.json || die "cannot read dt-validate's output"
}

classify() {	# classify DIR DIAG.json [WARN...]: one line "rule|dtb|node|message" per finding of a rule
	"$VENV/bin/python3" - "$@" <<-'EOF'
	import json, os, re, sys
	top, diag, warns = sys.argv[1], sys.argv[2], sys.argv[3:]
	def rule(e):	# the rules of external/dt-schema, told apart from the pinned dtschema's own
	    m, pp = e["message"], e.get("property_path") or []
	    if pp[-1:] == ["alignment"] and e.get("schema_path", [""])[-1] == "enum":
	        return "alignment"
	    if m == "'reusable' is a required property":
	        return "cma-default"
	    if m == "'no-map' is a required property" or (pp == ["reusable"] and
	            e.get("compatible") == "shared-dma-pool" and m.startswith("False schema")):
	        return "dma-default"
	for e in json.load(open(diag)):
	    r = rule(e)
	    if r:
	        print(f'{r}|{os.path.relpath(e["file"], top)}|{e["node"]}|{e["message"][:120]}')
	pat = re.compile(r"Warning \(reserved_memory_overlap\): (/[^:]*):reg: (.*)")
	for w in warns:
	    for l in open(w):
	        m = pat.search(l)
	        if m:
	            print(f"overlap|{os.path.relpath(w, top)[:-5]}|{m.group(1)}|{m.group(2)}")
	EOF
}

fixtures() {	# every rule flags its RULE-bad.dts and not its RULE-good.dts
	local r f
	mkdir -p "$tmp/fx" && for f in "$FIX"/*.dts; do
		f=${f##*/} && "$DTC" -I dts -O dtb -o "$tmp/fx/${f%.dts}.dtb" "$FIX/$f" 2> "$tmp/fx/${f%.dts}.dtb.warn" ||
			die "dtc refuses the fixture $f"
	done
	validate "$tmp/fx.json" "$tmp"/fx/*.dtb
	classify "$tmp/fx" "$tmp/fx.json" "$tmp"/fx/*.warn > "$tmp/fx.found"
	for r in $RULES; do
		[ -f "$FIX/$r-bad.dts" ] && [ -f "$FIX/$r-good.dts" ] || die "rule $r has no fixtures in $FIX"
		grep -q "^$r|$r-bad.dtb|" "$tmp/fx.found" || die "rule $r does not flag its fixture $r-bad.dts"
		! grep -q "^$r|$r-good.dtb|" "$tmp/fx.found" || die "rule $r flags its fixture $r-good.dts"
	done
}

corpus() {	# the whole corpus with the patched dtc; the DTBs with /reserved-memory children validated
	local key dtbs
	CORPUS_OUT=$(CORPUS_DTC=$DTC CORPUS_DTC_FLAGS=-Wreserved_memory_overlap "$TOP/scripts/corpus.sh") || die "corpus.sh failed"
	[ -s "$CORPUS_OUT/list" ] || die "corpus.sh made no DTB"
	key=$({ echo "$CORPUS_OUT"; cat "$SCHEMA"; } | sha256sum | cut -c1-12)
	DIAG=$DR/diag-$key.json && prune "diag-$key.json" diag-
	[ -s "$DIAG" ] && return 0
	(cd "$CORPUS_OUT" && "$VENV/bin/python3" - list <<-'EOF') > "$tmp/rmem" ||
	import libfdt, sys
	for f in open(sys.argv[1]).read().split():
	    t = libfdt.Fdt(open(f, "rb").read())
	    n = t.path_offset("/reserved-memory", [libfdt.FDT_ERR_NOTFOUND])
	    if n >= 0 and t.first_subnode(n, [libfdt.FDT_ERR_NOTFOUND]) >= 0:
	        print(f)
	EOF
		die "cannot list the DTBs with /reserved-memory"
	msg "dt-rules: $(wc -l < "$tmp/rmem") of $(wc -l < "$CORPUS_OUT/list") DTBs have /reserved-memory children"
	mapfile -t dtbs < <(sed "s|^|$CORPUS_OUT/|" "$tmp/rmem")
	validate "$tmp/diag.json" "${dtbs[@]}"
	mv "$tmp/diag.json" "$DIAG"
}

phase "dt-rules: dtc" build_dtc
phase "dt-rules: schema" make_schema
phase "dt-rules: fixtures" fixtures
phase "dt-rules: corpus" corpus
{ echo "# dt-rules.sh: rule|DTB|node|message, over $CORPUS_OUT"
  classify "$CORPUS_OUT" "$DIAG" $(find "$CORPUS_OUT" -name '*.dtb.warn' | sort) | sort; } > "$LOG" || die "cannot classify the findings"
for r in $RULES; do
	printf 'dt-rules: %-11s %4d DTBs, %4d nodes flagged (fixtures: bad flagged, good not)\n' "$r" \
		"$(grep "^$r|" "$LOG" | cut -d'|' -f2 | sort -u | wc -l)" "$(grep "^$r|" "$LOG" | cut -d'|' -f2,3 | sort -u | wc -l)"
done
echo "dt-rules: flagged nodes in $LOG"
