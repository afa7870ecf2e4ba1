/* SPDX-License-Identifier: GPL-2.0 */
/* Shim: lib/find_bit.c's find_random_bit() needs a number below @ceil. */
#ifndef COH_RANDOM_H
#define COH_RANDOM_H
#include <stdlib.h>
static inline unsigned int get_random_u32_below(unsigned int ceil)
{
	return ceil ? (unsigned int)random() % ceil : 0;
}
#endif
