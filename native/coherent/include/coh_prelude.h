/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included before every kernel file built here (-include): what the
 * kernel's asm/ and linux/types.h give and tools/include does not.
 */
#ifndef COH_PRELUDE_H
#define COH_PRELUDE_H
#include <sys/types.h>		/* loff_t, ssize_t */
#include <endian.h>
/* A little-endian kernel's asm/byteorder.h defines only __LITTLE_ENDIAN. */
#undef __BIG_ENDIAN
#ifndef DIV_ROUND_UP
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#endif
#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#endif
