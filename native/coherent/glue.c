// SPDX-License-Identifier: GPL-2.0
/*
 * Built once per revision, with the kernel's environment (coh_shim.h) and
 * the facts the Makefile read from that revision's coherent.c (rev.h):
 * declares what coherent.c exports with the revision's own signatures.
 */
#include "coh_shim.h"
#include "coh_api.h"
#include "rev.h"

int dma_declare_coherent_memory(struct device *dev, phys_addr_t phys_addr,
				dma_addr_t device_addr, size_t size);
void dma_release_coherent_memory(struct device *dev);
int dma_alloc_from_dev_coherent(struct device *dev, ssize_t size,
				dma_addr_t *dma_handle, void **ret);
#if COH_RELEASE_BY_ORDER
int dma_release_from_dev_coherent(struct device *dev, int order, void *vaddr);
#else
int dma_release_from_dev_coherent(struct device *dev, size_t size, void *vaddr);
#endif
int dma_mmap_from_dev_coherent(struct device *dev, struct vm_area_struct *vma,
			       void *vaddr, size_t size, int *ret);
#if COH_HAS_STATS
int dma_coherent_get_stats(struct device *dev, struct dma_coherent_stats *stats);
#endif

const char coh_rev_name[] = COH_REV_NAME;
const int coh_rev_release_by_order = COH_RELEASE_BY_ORDER;
const int coh_rev_has_stats = COH_HAS_STATS;
const int coh_rev_first_fit = COH_FIRST_FIT;
const int coh_rev_exact_sizes = COH_EXACT_SIZES;
const int coh_rev_word_search = COH_WORD_SEARCH;
const int coh_rev_mmap_bounded = COH_MMAP_BOUNDED;

struct device *coh_dev_new(void)
{
	struct device *dev = calloc(1, sizeof(*dev));

	dev->name = "coh-harness";
	dev->coherent_dma_mask = ~0ULL;
	return dev;
}

void coh_dev_put(struct device *dev)
{
	free(dev);
}

int coh_pool_create(struct device *dev, uint64_t dma_addr, size_t bytes)
{
	/* The CPU address is the DMA address: memremap() ignores it. */
	return dma_declare_coherent_memory(dev, dma_addr, dma_addr, bytes);
}

void coh_pool_destroy(struct device *dev)
{
	dma_release_coherent_memory(dev);
}

void *coh_pool_alloc(struct device *dev, long bytes, uint64_t *dma)
{
	dma_addr_t handle = 0;
	void *ret = NULL;

	if (!dma_alloc_from_dev_coherent(dev, bytes, &handle, &ret))
		return NULL;
	*dma = handle;
	return ret;
}

int coh_pool_free(struct device *dev, size_t bytes, void *vaddr)
{
#if COH_RELEASE_BY_ORDER
	return dma_release_from_dev_coherent(dev, get_order(bytes), vaddr);
#else
	return dma_release_from_dev_coherent(dev, bytes, vaddr);
#endif
}

int coh_pool_mmap(struct device *dev, void *vaddr, size_t size,
		  unsigned long pgoff, unsigned long npages, int *ret,
		  unsigned long *pfn, unsigned long *bytes)
{
	struct vm_area_struct vma = {
		.vm_start = 0x10000000UL,
		.vm_end = 0x10000000UL + (npages << PAGE_SHIFT),
		.vm_pgoff = pgoff,
	};
	int r;

	coh_remap_pfn = coh_remap_size = 0;
	*ret = 12345;
	r = dma_mmap_from_dev_coherent(dev, &vma, vaddr, size, ret);
	*pfn = coh_remap_pfn;
	*bytes = coh_remap_size;
	return r;
}

int coh_pool_stats(struct device *dev, struct coh_stats *st)
{
#if COH_HAS_STATS
	struct dma_coherent_stats s;

	if (dma_coherent_get_stats(dev, &s))
		return -1;
	st->size = s.size;
	st->used = s.used;
	st->high_water = s.high_water;
	st->nr_allocs = s.nr_allocs;
	st->nr_failed = s.nr_failed;
	st->nr_failed_frag = s.nr_failed_frag;
	st->nr_bad_frees = s.nr_bad_frees;
	return 0;
#else
	return -1;
#endif
}
