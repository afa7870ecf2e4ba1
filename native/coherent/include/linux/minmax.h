/* SPDX-License-Identifier: GPL-2.0 */
/* Shim: min()/max() are in the kernel.h shim. */
#include <linux/kernel.h>
