/* SPDX-License-Identifier: GPL-2.0 */
/* Shim: include/asm-generic/bitops/builtin-__fls.h, as arm64 uses it. */
#ifndef COH_BITOPS___FLS_H
#define COH_BITOPS___FLS_H
#include <linux/compiler.h>

static __always_inline unsigned int __fls(unsigned long word)
{
	return (sizeof(word) * 8) - 1 - __builtin_clzl(word);
}
#endif
