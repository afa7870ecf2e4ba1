/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shim for kernel/dma/coherent.h, which declares coherent.c's functions
 * for its KUnit tests only (CONFIG_KUNIT): nothing here, where the
 * harness builds coherent.c without KUnit.
 */
