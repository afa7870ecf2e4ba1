/* SPDX-License-Identifier: GPL-2.0 */
/* Shim: scope-based cleanup is not used by the code under test. */
#ifndef COH_CLEANUP_H
#define COH_CLEANUP_H
#define DEFINE_FREE(name, type, free)
#define __free(name)
#endif
