/* SPDX-License-Identifier: GPL-2.0 */
/* Shim: include/asm-generic/bitops/builtin-fls.h, as arm64 uses it. */
#ifndef COH_BITOPS_FLS_H
#define COH_BITOPS_FLS_H
#include <linux/compiler.h>

static __always_inline int fls(unsigned int x)
{
	return x ? sizeof(x) * 8 - __builtin_clz(x) : 0;
}
#endif
