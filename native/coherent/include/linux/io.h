/* SPDX-License-Identifier: GPL-2.0 */
/* Shim: see coh_shim.h. */
#include "../coh_shim.h"
