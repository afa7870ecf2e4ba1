/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shim: tools' kernel.h, with min()/max() that accept operands of one
 * signedness but different widths, as the kernel's minmax.h does (tools'
 * versions insist on one type).
 */
#ifndef COH_KERNEL_H
#define COH_KERNEL_H
#include_next <linux/kernel.h>
#undef min
#undef max
#undef min_t
#undef max_t
#undef min_not_zero
#define min(x, y)	({ typeof(x) __x = (x); typeof(y) __y = (y); __x < __y ? __x : __y; })
#define max(x, y)	({ typeof(x) __x = (x); typeof(y) __y = (y); __x > __y ? __x : __y; })
#define min_t(t, x, y)	({ t __x = (x); t __y = (y); __x < __y ? __x : __y; })
#define max_t(t, x, y)	({ t __x = (x); t __y = (y); __x > __y ? __x : __y; })
#define min_not_zero(x, y) ({ typeof(x) __a = (x); typeof(y) __b = (y); \
	__a == 0 ? __b : ((__b == 0) ? __a : min(__a, __b)); })
#endif
