// SPDX-License-Identifier: GPL-2.0
/* The out-of-line half of the shims (include/coh_shim.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include "coh_shim.h"

unsigned long coh_irqoff_sections;
unsigned long long coh_irqoff_start, coh_irqoff_ticks, coh_irqoff_max;
unsigned long coh_meta_bytes, coh_meta_peak;
unsigned long coh_reports;
unsigned long coh_remap_pfn, coh_remap_size;
int coh_quiet;

/* A header in front of each block keeps its size, to count frees. */
struct coh_hdr { size_t bytes; size_t pad; };

void *coh_alloc(size_t bytes, unsigned int zero)
{
	struct coh_hdr *h = zero ? calloc(1, sizeof(*h) + bytes) : malloc(sizeof(*h) + bytes);

	if (!h)
		return NULL;
	h->bytes = bytes;
	coh_meta_bytes += bytes;
	if (coh_meta_bytes > coh_meta_peak)
		coh_meta_peak = coh_meta_bytes;
	return h + 1;
}

void coh_free(const void *p)
{
	struct coh_hdr *h;

	if (!p)
		return;
	h = (struct coh_hdr *)p - 1;
	coh_meta_bytes -= h->bytes;
	free(h);
}

/* memremap(): anonymous memory, populated so that no call takes a page fault. */
static struct { void *addr; size_t size; } maps[64];

void *memremap(phys_addr_t offset, size_t size, unsigned long flags)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_POPULATE, -1, 0);
	int i;

	if (p == MAP_FAILED)
		return NULL;
	for (i = 0; i < 64; i++)
		if (!maps[i].addr) {
			maps[i].addr = p;
			maps[i].size = size;
			return p;
		}
	munmap(p, size);
	return NULL;
}

void memunmap(void *addr)
{
	int i;

	for (i = 0; i < 64; i++)
		if (maps[i].addr == addr) {
			munmap(addr, maps[i].size);
			maps[i].addr = NULL;
			return;
		}
}

void coh_report(const char *fmt, ...)
{
	va_list ap;

	coh_reports++;
	if (coh_quiet)
		return;
	va_start(ap, fmt);
	fprintf(stderr, "kernel: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

/* Nanoseconds in @ticks of coh_clock(), calibrated once over 100 ms. */
double coh_clock_ns(unsigned long long ticks)
{
	static double ns_per_tick;

	if (!ns_per_tick) {
		struct timespec a, b, d = { 0, 100000000 };
		unsigned long long t0, t1;

		clock_gettime(CLOCK_MONOTONIC, &a);
		t0 = coh_clock();
		nanosleep(&d, NULL);
		t1 = coh_clock();
		clock_gettime(CLOCK_MONOTONIC, &b);
		ns_per_tick = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / (double)(t1 - t0);
	}
	return ticks * ns_per_tick;
}
