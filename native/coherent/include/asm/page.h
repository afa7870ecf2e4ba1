/* SPDX-License-Identifier: GPL-2.0 */
/* Shim: 4 KiB pages, and the kernel's own get_order(). */
#ifndef COH_ASM_PAGE_H
#define COH_ASM_PAGE_H
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#include <asm-generic/getorder.h>
#endif
