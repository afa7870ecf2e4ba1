/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shim: __ffs() as arm64 (and x86, with its own asm) has it, one
 * instruction, not tools' generic C (include/asm-generic/bitops/builtin-__ffs.h).
 */
#ifndef COH_BITOPS___FFS_H
#define COH_BITOPS___FFS_H
#include <linux/compiler.h>

static __always_inline unsigned int __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}
#endif
