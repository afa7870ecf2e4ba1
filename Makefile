# SPDX-License-Identifier: GPL-2.0
# The harness around the patch series. See README.md.

S := scripts

.PHONY: help deps tree export status test test-debug run check bench dt-corpus

help:
	@sed -n 's/^\([a-z-]*\):[[:space:]]*## /\1\t/p' Makefile

deps:		## install the toolchain, QEMU and the pinned base (as root)
	@$(S)/deps.sh

tree:		## make or update the kernel work tree: base + series (git am)
	@$(S)/tree.sh

export:		## regenerate series/<NN-name>/ from the work tree
	@$(S)/export.sh

status:		## do the work tree and the series agree?
	@$(S)/export.sh --check && echo "the work tree and series/ agree"

test:		## build and run the KUnit suites on QEMU arm64
	@$(S)/test.sh

test-debug:	## make test with KASAN, lockdep, atomic-sleep and DMA-API debug
	@$(S)/test-debug.sh

run:		## boot the kernel with a reserved-memory overlay (DTSO=...)
	@$(S)/run.sh

check:		## checkpatch, per-patch build (W=1), kernel-doc
	@$(S)/check.sh

bench:		## coherent-pool benchmark: base vs series, side by side
	@$(S)/bench.sh

dt-corpus:	## run the kernel's /reserved-memory checks over every in-tree DTB
	@$(S)/dt-corpus.sh
