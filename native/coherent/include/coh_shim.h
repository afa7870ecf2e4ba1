/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel environment kernel/dma/coherent.c sees in userspace: every
 * shim header under include/ lands here. Single-threaded: spinlocks are
 * counters of irq-off sections; allocations are malloc() and counted.
 */
#ifndef COH_SHIM_H
#define COH_SHIM_H

#include <stddef.h>
#include <stdbool.h>
#include <string.h>
#include <sys/types.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/bitops.h>
#include <linux/log2.h>
#include <linux/bitmap.h>
#include <linux/sizes.h>
#include <asm/page.h>

/* Counters the drivers read (shim.c). */
extern unsigned long coh_irqoff_sections;	/* spin_lock_irqsave() calls */
/* Time with "interrupts off" (the lock held), in coh_clock() ticks. */
extern unsigned long long coh_irqoff_start, coh_irqoff_ticks, coh_irqoff_max;
static inline unsigned long long coh_clock(void)
{
#if defined(__x86_64__) || defined(__i386__)
	return __builtin_ia32_rdtsc();
#else
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ULL + t.tv_nsec;
#endif
}
static inline void coh_irqoff_end(void)
{
	unsigned long long d = coh_clock() - coh_irqoff_start;

	coh_irqoff_ticks += d;
	if (d > coh_irqoff_max)
		coh_irqoff_max = d;
}
extern unsigned long coh_meta_bytes;		/* live bytes from k*alloc */
extern unsigned long coh_meta_peak;
extern unsigned long coh_reports;		/* dev_err/pr_err/WARN lines */
extern int coh_quiet;

/* Compiler and section annotations. */
#ifndef __cold
#define __cold __attribute__((__cold__))
#endif
#ifndef noinline
#define noinline __attribute__((__noinline__))
#endif
#define __ro_after_init
#define __init
#define __initdata
#define __must_check

/* Types. */
typedef u64 dma_addr_t;
typedef unsigned long pgoff_t;
typedef struct { unsigned long prot; } pgprot_t;

#ifndef ALIGN
#define ALIGN(x, a)		(((x) + (a) - 1) & ~((typeof(x))(a) - 1))
#endif
#define PFN_DOWN(x)		((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)		((phys_addr_t)(x) << PAGE_SHIFT)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

/* Allocation, counted: each block carries its size in front. */
/* gfp_t is tools' struct type: the shim keeps only whether to zero. */
#undef GFP_KERNEL
#undef GFP_ATOMIC
#undef __GFP_ZERO
#define GFP_KERNEL	0u
#define GFP_ATOMIC	0u
#define __GFP_ZERO	1u
void *coh_alloc(size_t bytes, unsigned int zero);
void coh_free(const void *p);
#define kmalloc(n, g)			coh_alloc((n), (g))
#define kzalloc(n, g)			coh_alloc((n), (g) | __GFP_ZERO)
#define kmalloc_array(n, s, g)		coh_alloc((size_t)(n) * (s), (g))
#define kmalloc_array_node(n, s, g, nid) coh_alloc((size_t)(n) * (s), (g))
#define kcalloc(n, s, g)		coh_alloc((size_t)(n) * (s), (g) | __GFP_ZERO)
#define kvcalloc(n, s, g)		coh_alloc((size_t)(n) * (s), (g) | __GFP_ZERO)
#define kvmalloc(n, g)			coh_alloc((n), (g))
#define kzalloc_obj(T, ...)		((T *)coh_alloc(sizeof(T), GFP_KERNEL | __GFP_ZERO))
#define kfree(p)			coh_free(p)
#define kvfree(p)			coh_free(p)

/* Mapping the pool: memremap() returns anonymous memory (shim.c). */
enum { MEMREMAP_WB = 1, MEMREMAP_WT = 2, MEMREMAP_WC = 4 };
void *memremap(phys_addr_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);

/* Locks: one thread; the count is of irq-off sections. */
typedef struct { int locked; } spinlock_t;
#define spin_lock_init(l)		((l)->locked = 0)
#define spin_lock_irqsave(l, f)		do { (f) = 0; (l)->locked++; coh_irqoff_sections++; \
					     coh_irqoff_start = coh_clock(); } while (0)
#define spin_unlock_irqrestore(l, f)	do { (void)(f); coh_irqoff_end(); (l)->locked--; } while (0)
struct mutex { int locked; };
#define DEFINE_MUTEX(m)			struct mutex m
#define mutex_lock(m)			((m)->locked++)
#define mutex_unlock(m)			((m)->locked--)

/* Devices. */
struct dma_coherent_mem;
struct device {
	const char *name;
	struct dma_coherent_mem *dma_mem;
	u64 coherent_dma_mask;
	u64 bus_dma_limit;
	u64 dma_offset;		/* phys_to_dma() adds it */
};
static inline int devm_add_action_or_reset(struct device *dev,
					   void (*action)(void *), void *data)
{
	return 0;
}
static inline const char *dev_name(const struct device *dev) { return dev->name; }
static inline dma_addr_t phys_to_dma(struct device *dev, phys_addr_t paddr)
{
	return paddr + dev->dma_offset;
}

/* Messages: counted, printed unless quiet. */
void coh_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define pr_err(fmt, ...)		coh_report(fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)		coh_report(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)		coh_report(fmt, ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...)	coh_report(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)	coh_report(fmt, ##__VA_ARGS__)
#define dev_err(d, fmt, ...)		coh_report(fmt, ##__VA_ARGS__)
#define dev_warn(d, fmt, ...)		coh_report(fmt, ##__VA_ARGS__)
#define dev_err_ratelimited(d, fmt, ...) coh_report(fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(d, fmt, ...) coh_report(fmt, ##__VA_ARGS__)
#undef WARN_ON_ONCE
#define WARN_ON_ONCE(c)			({ int __c = !!(c); if (__c) coh_report("WARN_ON_ONCE\n"); __c; })
#undef WARN
#define WARN(c, fmt, ...)		({ int __c = !!(c); if (__c) coh_report(fmt, ##__VA_ARGS__); __c; })

/* User mappings: remap_pfn_range() records what it was asked for. */
struct vm_area_struct {
	unsigned long vm_start, vm_end, vm_pgoff;
	pgprot_t vm_page_prot;
};
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}
static inline pgoff_t vma_start_pgoff(const struct vm_area_struct *vma)
{
	return vma->vm_pgoff;
}
static inline pgoff_t vma_end_pgoff(const struct vm_area_struct *vma)
{
	return vma_start_pgoff(vma) + vma_pages(vma);
}
extern unsigned long coh_remap_pfn, coh_remap_size;
static inline int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
				  unsigned long pfn, unsigned long size, pgprot_t prot)
{
	coh_remap_pfn = pfn;
	coh_remap_size = size;
	return 0;
}

/* debugfs and seq_file: absent (CONFIG_DEBUG_FS off), stubs for the rest. */
struct dentry;
struct seq_file { void *private; };
static inline void debugfs_remove_recursive(struct dentry *d) { }
#define seq_printf(m, fmt, ...)		do { } while (0)
#define seq_puts(m, s)			do { } while (0)

/* Modules and initcalls. */
#define EXPORT_SYMBOL(s)
#define EXPORT_SYMBOL_GPL(s)
#define EXPORT_SYMBOL_IF_KUNIT(s)
#define VISIBLE_IF_KUNIT static
#define core_initcall(f)
#define late_initcall(f)
#define module_init(f)

/* struct dma_coherent_stats as the series' dma-map-ops.h has it. */
struct dma_coherent_stats {
	unsigned long size;
	unsigned long used;
	unsigned long high_water;
	unsigned long nr_allocs;
	unsigned long nr_failed;
	unsigned long nr_failed_frag;
	unsigned long nr_bad_frees;
};

#endif /* COH_SHIM_H */
