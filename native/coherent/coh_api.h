/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the drivers (bench.c, fuzz.c) call: one pool per device, through
 * glue.c, which adapts to the revision's signatures. Plain userspace C.
 */
#ifndef COH_API_H
#define COH_API_H
#include <stddef.h>
#include <stdint.h>

struct device;

struct coh_stats {
	unsigned long size, used, high_water, nr_allocs, nr_failed;
	unsigned long nr_failed_frag, nr_bad_frees;
};

extern const char coh_rev_name[];	/* OUTPUT dir name of the revision */
extern const int coh_rev_release_by_order; /* free takes an order (base) */
extern const int coh_rev_has_stats;	/* dma_coherent_get_stats() */
extern const int coh_rev_mmap_bounded;	/* a mapping must end inside the pool */
extern const int coh_rev_word_search;	/* dma_coherent_find_area() */
extern const int coh_rev_first_fit;	/* an end bitmap: checked frees and mmap */
extern const int coh_rev_exact_sizes;	/* exactly the pages asked for */

struct device *coh_dev_new(void);
void coh_dev_put(struct device *dev);
/* dma_declare_coherent_memory(): 0 or -errno. */
int coh_pool_create(struct device *dev, uint64_t dma_addr, size_t bytes);
void coh_pool_destroy(struct device *dev);
void *coh_pool_alloc(struct device *dev, long bytes, uint64_t *dma);
/* dma_release_from_dev_coherent(), with the order of @bytes on the base. */
int coh_pool_free(struct device *dev, size_t bytes, void *vaddr);
/* dma_mmap_from_dev_coherent(): its return, *ret, and the pfn/size mapped. */
int coh_pool_mmap(struct device *dev, void *vaddr, size_t size,
		  unsigned long pgoff, unsigned long npages, int *ret,
		  unsigned long *pfn, unsigned long *bytes);
/* 0 and @st filled, or -1 if the revision keeps no statistics. */
int coh_pool_stats(struct device *dev, struct coh_stats *st);

/* Shim counters (shim.c). */
extern unsigned long coh_irqoff_sections, coh_meta_bytes, coh_meta_peak;
/* Time the pool's lock was held ("interrupts off"), in clock ticks. */
extern unsigned long long coh_irqoff_ticks, coh_irqoff_max;
double coh_clock_ns(unsigned long long ticks);
extern unsigned long coh_reports;
extern int coh_quiet;
/* splitmix64: the random stream of bench and fuzz, seeded through rs. */
static uint64_t rs;
static inline uint64_t rnd(void)
{
	uint64_t z = (rs += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}


/* bench's and policies' workload: half 1-4 pages, 30 % 5-16, 20 % 17-64. */
static inline unsigned long mixed_pages(void)
{
	unsigned long r = rnd() % 10;

	if (r < 5)
		return 1 + rnd() % 4;
	if (r < 8)
		return 5 + rnd() % 12;
	return 17 + rnd() % 48;
}

#endif
