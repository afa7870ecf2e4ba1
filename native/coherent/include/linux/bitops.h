/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shim: tools' bitops.h, plus what the kernel's bitmap.h and find.h take
 * from the kernel's bitops.h (copied from it), and without tools' iterators,
 * which the kernel's find.h defines.
 */
#ifndef COH_BITOPS_H
#define COH_BITOPS_H
#include_next <linux/bitops.h>
#undef for_each_set_bit
#undef for_each_set_bit_from
#undef for_each_clear_bit
#undef for_each_clear_bit_from
/* One thread: tools' atomic set_bit() is a test_and_set_bit() it lacks. */
#undef set_bit
#undef clear_bit
#define set_bit(nr, addr)	__set_bit(nr, addr)
#define clear_bit(nr, addr)	__clear_bit(nr, addr)

/* fns - find N'th set bit in a word (include/linux/bitops.h) */
static inline unsigned int fns(unsigned long word, unsigned int n)
{
	while (word && n--)
		word &= word - 1;

	return word ? __ffs(word) : BITS_PER_LONG;
}

static __always_inline void __assign_bit(long nr, volatile unsigned long *addr, bool value)
{
	if (value)
		__set_bit(nr, addr);
	else
		__clear_bit(nr, addr);
}
#endif
