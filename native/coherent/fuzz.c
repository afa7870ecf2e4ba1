// SPDX-License-Identifier: GPL-2.0
/*
 * Random operations on per-device coherent pools, each checked against a
 * brute-force model of the allocator's documented rule:
 *
 *  --rule=base  (base-7.3.4) a request of s bytes takes 2^get_order(s)
 *               pages at the first free run aligned to that many pages
 *               counted from the pool's first page (bitmap_find_free_region);
 *               a free clears 2^get_order(size) pages at the address's page,
 *               whatever is there; mmap checks the offsets against the size
 *               it is given, inside the pool.
 *  --rule=checked (bitmap, end marks) placement as --rule=base; frees and
 *               mmap as --rule=exact, a size being wrong when its
 *               2^get_order(size) is not the pages allocated.
 *  --rule=first (bitmap, exact sizes) a request of s bytes takes exactly
 *               ceil(s / PAGE_SIZE) pages at the first page aligned to
 *               2^order_base_2(n) counted from the pool's first page whose
 *               pages are all free (bitmap_find_next_zero_area()); s <= 0 or
 *               more pages than the pool fail. Frees and mmap as
 *               --rule=exact.
 *  --rule=exact (best fit) a request of s bytes takes exactly
 *               ceil(s / PAGE_SIZE) pages, at a page aligned (in the DMA
 *               address) to 2^min(order_base_2(n), the pool base's
 *               alignment), in the smallest maximal free run that holds it so
 *               aligned, the lowest of those on a tie; s <= 0 or more pages
 *               than the pool fail. A free at an allocation's start frees it
 *               whole (reported if the size differs); any other address in
 *               the pool frees nothing and is reported. mmap maps only pages
 *               inside the one allocation holding the address. Statistics
 *               (if the revision has them) are checked exactly.
 *
 * The model keeps its own page bitmap and list of allocations; it never
 * looks at the allocator's state, only at what the API returns.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "coh_api.h"

#define PG		4096UL
#define MAXPAGES	4096
#define ENXIO		6

enum { RULE_BASE, RULE_EXACT, RULE_FIRST, RULE_CHECKED };
static const char *const rule_names[] = { "base", "exact", "first", "checked" };
static int rule = -1;

/* RNG (coh_api.h): one stream per episode so that an episode replays. */
static unsigned long rn(unsigned long n) { return n ? rnd() % n : 0; }	/* [0, n) */
static unsigned long rr(unsigned long lo, unsigned long hi) { return lo + rn(hi - lo + 1); }
static int chance(double p) { return (rnd() >> 11) * (1.0 / 9007199254740992.0) < p; }

/* The model. */
struct alloc {
	unsigned long start, taken;	/* pages */
	long bytes;
	unsigned char *va;
	uint64_t tag;
};
static struct alloc allocs[MAXPAGES + 1];
static int nallocs;
static uint64_t used_map[MAXPAGES / 64 + 1];
static unsigned long npages, base_pfn, align_order, used;
static unsigned char *pool_va;		/* found from the first allocation */
static struct coh_stats ms;		/* the model's statistics */
static struct device *dev;

static int test_pg(unsigned long p) { return used_map[p / 64] >> (p % 64) & 1; }
static void set_pages(unsigned long p, unsigned long n, int v)
{
	for (; n; n--, p++) {
		if (v && !test_pg(p))
			used++;
		else if (!v && test_pg(p))
			used--;
		if (v)
			used_map[p / 64] |= 1ULL << (p % 64);
		else
			used_map[p / 64] &= ~(1ULL << (p % 64));
	}
}
/* First page >= p that is (used == v), or npages. */
static unsigned long next_pg(unsigned long p, int v)
{
	while (p < npages) {
		uint64_t w = used_map[p / 64] ^ (v ? 0 : ~0ULL);

		w &= ~0ULL << (p % 64);
		if (w) {
			p = (p & ~63UL) + __builtin_ctzll(w);
			return p < npages ? p : npages;
		}
		p = (p & ~63UL) + 64;
	}
	return npages;
}
static unsigned int ceil_log2(unsigned long n)
{
	return n <= 1 ? 0 : 64 - __builtin_clzl(n - 1);
}
/* The kernel's get_order() for a size of at least 1 byte. */
static unsigned int order_of(unsigned long bytes)
{
	return ceil_log2((bytes + PG - 1) / PG);
}

/* The page the model gives a request, or -1. *taken: pages it takes. */
static long model_alloc(long bytes, unsigned long *taken)
{
	unsigned long p = 0, s, e, nr, a, bests = 0, beste = 0;
	long best = -1;
	unsigned int order;

	if (rule == RULE_BASE || rule == RULE_CHECKED) {
		/* size 0: get_order(0) is 52, BIT(52) in an unsigned int is 0. */
		unsigned int cnt = (unsigned int)(1UL << (bytes ? order_of(bytes) : 52));
		unsigned int pos, end;

		*taken = cnt;
		if ((unsigned long)bytes > npages * PG)
			return -1;
		/* The word search asks for 1 << 52 pages, and finds none. */
		if (!bytes && coh_rev_word_search)
			return -1;
		for (pos = 0; (end = pos + cnt) <= npages; pos = end)
			if (next_pg(pos, 1) >= end)
				return pos;
		return -1;
	}
	nr = (bytes + PG - 1) / PG;
	*taken = nr;
	if (bytes <= 0 || nr > npages)
		return -1;
	order = ceil_log2(nr);
	if (rule == RULE_FIRST) {
		for (a = 0; a + nr <= npages; a += 1UL << order)
			if (next_pg(a, 1) >= a + nr)
				return a;
		return -1;
	}
	if (order > align_order)
		order = align_order;
	while ((s = next_pg(p, 0)) < npages) {
		e = next_pg(s, 1);
		a = (s + (1UL << order) - 1) & ~((1UL << order) - 1);
		if (a + nr <= e && (best < 0 || e - s < beste - bests)) {
			best = a;
			bests = s;
			beste = e;
		}
		p = e;
	}
	return best;
}

/* Op log of the current episode, to print with a mismatch. */
static char oplog[64][160];
static unsigned long nlog, mismatches, ops, episode, verbose;
static uint64_t seed;
static unsigned long max_req = 64;
static unsigned long printed;

static void logop(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(oplog[nlog % 64], sizeof(oplog[0]), fmt, ap);
	va_end(ap);
	if (verbose)
		printf("  op %lu: %s\n", nlog, oplog[nlog % 64]);
	nlog++;
}

static void mismatch(const char *fmt, ...)
{
	va_list ap;
	unsigned long i;

	mismatches++;
	if (printed++ >= 3)
		return;
	printf("MISMATCH in episode %lu (pool of %lu pages, base pfn %#lx, alignment order %lu), op %lu: ",
	       episode, npages, base_pfn, align_order, nlog - 1);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n  ops of the episode%s:\n", nlog > 64 ? " (the last 64)" : "");
	for (i = nlog > 64 ? nlog - 64 : 0; i < nlog; i++)
		printf("    %lu: %s\n", i, oplog[i % 64]);
	printf("  replay: fuzz -s %" PRIu64 " --rule=%s --episode=%lu -v\n",
	       seed, rule_names[rule], episode);
}

static void check_stats(void)
{
	struct coh_stats st;

	if (rule == RULE_BASE || coh_pool_stats(dev, &st))
		return;
	ms.size = npages;
	ms.used = used;
	if (memcmp(&st, &ms, sizeof(st)))
		mismatch("stats: size %lu/%lu used %lu/%lu high %lu/%lu "
			 "allocs %lu/%lu failed %lu/%lu frag %lu/%lu "
			 "bad_frees %lu/%lu (kernel/model)",
			 st.size, ms.size, st.used, ms.used, st.high_water, ms.high_water,
			 st.nr_allocs, ms.nr_allocs,
			 st.nr_failed, ms.nr_failed, st.nr_failed_frag, ms.nr_failed_frag,
			 st.nr_bad_frees, ms.nr_bad_frees);
}

static void tag_check(struct alloc *a, const char *when)
{
	uint64_t v1, v2;

	if (a->bytes < 16)
		return;
	memcpy(&v1, a->va, 8);
	memcpy(&v2, a->va + a->bytes - 8, 8);
	if (v1 != a->tag || v2 != a->tag)
		mismatch("%s: buffer at page %lu (%ld bytes) overwritten: %#" PRIx64 " %#" PRIx64 " != %#" PRIx64,
			 when, a->start, a->bytes, v1, v2, a->tag);
}

static void do_alloc(long bytes)
{
	unsigned long taken, rep = coh_reports;
	long want = model_alloc(bytes, &taken);
	uint64_t dma = 0;
	unsigned char *va = coh_pool_alloc(dev, bytes, &dma);
	long got;

	ops++;
	if (va && !pool_va && want >= 0)
		pool_va = va - want * PG;
	got = va ? (pool_va ? (long)((va - pool_va) / (long)PG) : -2) : -1;
	logop("alloc %ld bytes -> page %ld (model %ld)", bytes, got, want);
	if (rule != RULE_BASE) {
		if (want >= 0) {
			ms.nr_allocs++;
		} else {
			ms.nr_failed++;
			if (bytes > 0 && taken <= npages - used)
				ms.nr_failed_frag++;
		}
	}
	if ((want < 0) != !va || (va && (va != pool_va + want * PG ||
					 dma != (base_pfn + want) * PG))) {
		mismatch("alloc of %ld bytes: kernel page %ld dma %#" PRIx64 ", model page %ld",
			 bytes, got, dma, want);
		/* Resynchronise: forget the pool, start a new episode. */
		if (va)
			coh_pool_free(dev, bytes, va);
		npages = 0;
		return;
	}
	if (coh_reports != rep)
		mismatch("alloc of %ld bytes reported something", bytes);
	if (want < 0 || !taken)
		goto out;
	if (rule == RULE_EXACT && (dma / PG) % (1UL << (ceil_log2(taken) < align_order ?
							 ceil_log2(taken) : align_order)))
		mismatch("alloc of %ld bytes: dma %#" PRIx64 " misaligned", bytes, dma);
	if (rule == RULE_FIRST && (dma / PG - base_pfn) % (1UL << ceil_log2(taken)))
		mismatch("alloc of %ld bytes: page %ld misaligned in the pool", bytes, want);
	if (next_pg(want, 1) < want + taken)
		mismatch("model error: overlap");
	set_pages(want, taken, 1);
	if (rule != RULE_BASE && used > ms.high_water)
		ms.high_water = used;
	struct alloc *a = &allocs[nallocs++];

	a->start = want;
	a->taken = taken;
	a->bytes = bytes;
	a->va = va;
	a->tag = rnd() | 1;
	if (bytes >= 16) {
		uint64_t z1, z2;

		memcpy(&z1, va, 8);
		memcpy(&z2, va + bytes - 8, 8);
		if (z1 || z2)
			mismatch("alloc of %ld bytes at page %ld not zeroed", bytes, want);
		memcpy(va, &a->tag, 8);
		memcpy(va + bytes - 8, &a->tag, 8);
	}
out:
	check_stats();
}

static void drop_alloc(int i)
{
	allocs[i] = allocs[--nallocs];
}

/* Base: a free clears its pages; allocations it touches are lost. */
static void base_clear(unsigned long page, unsigned long cnt, int exact_match)
{
	int i;

	for (i = 0; i < nallocs; i++) {
		struct alloc *a = &allocs[i];

		if (a->start < page + cnt && page < a->start + a->taken) {
			if (!exact_match)
				logop("  (base: allocation at page %lu of %lu pages loses pages)",
				      a->start, a->taken);
			drop_alloc(i--);
		}
	}
	set_pages(page, cnt, 0);
}

/*
 * A free of @bytes at @va. @good: a free of allocation @i with its size.
 */
static void do_free(unsigned char *va, long bytes, int i, const char *kind)
{
	unsigned long rep = coh_reports, page = 0;
	int in_pool = va >= pool_va && va < pool_va + npages * PG;
	int want_ret = in_pool, ret, j, bad = 0;

	ops++;
	if (in_pool)
		page = (va - pool_va) / PG;
	logop("free %s: %ld bytes at %+ld bytes from the pool", kind, bytes,
	      (long)(va - pool_va));
	if (i >= 0)
		tag_check(&allocs[i], "free");
	ret = coh_pool_free(dev, bytes, va);
	if (ret != want_ret)
		mismatch("free %s: returned %d, model %d", kind, ret, want_ret);
	if (!in_pool)
		goto out;
	if (rule == RULE_BASE) {
		unsigned int cnt = (unsigned int)(1UL << (bytes ? order_of(bytes) : 52));

		base_clear(page, cnt, i >= 0 && allocs[i].start == page &&
			   allocs[i].taken == cnt);
	} else {
		/* The allocation that starts at the address, if any. */
		for (j = 0; j < nallocs; j++)
			if (allocs[j].va == va)
				break;
		if (j < nallocs) {
			if (bytes <= 0)
				bad = 1;
			else if (rule == RULE_CHECKED)
				bad = (1UL << order_of(bytes)) != allocs[j].taken;
			else
				bad = (unsigned long)(bytes + PG - 1) / PG != allocs[j].taken;
			set_pages(allocs[j].start, allocs[j].taken, 0);
			drop_alloc(j);
		} else {
			bad = 1;
		}
		ms.nr_bad_frees += bad;
	}
out:
	if (rule != RULE_BASE ? (coh_reports != rep) != bad : coh_reports != rep)
		mismatch("free %s: %lu reports, model %s", kind, coh_reports - rep,
			 bad ? "a report" : "none");
	check_stats();
}

static void do_mmap(unsigned char *va, long size, unsigned long pgoff,
		    unsigned long n, const char *kind)
{
	unsigned long pfn, bytes, count = ((unsigned long)size + PG - 1) / PG, start;
	int ret, r, want_r, want_ret = -ENXIO, i;
	unsigned long want_pfn = 0;

	ops++;
	logop("mmap %s: %ld bytes at %+ld, pgoff %lu, %lu pages", kind, size,
	      (long)(va - pool_va), pgoff, n);
	r = coh_pool_mmap(dev, va, size, pgoff, n, &ret, &pfn, &bytes);
	start = (va - pool_va) / PG;
	if (rule == RULE_BASE && !coh_rev_mmap_bounded) {
		want_r = va >= pool_va && va + size <= pool_va + npages * PG;
		if (want_r && pgoff < count && pgoff + n <= count)
			want_ret = 0;
	} else if (rule == RULE_BASE) {	/* the series' first patch, no end bitmap */
		want_r = va >= pool_va && va < pool_va + npages * PG;
		if (want_r && pgoff < count && pgoff + n <= count &&
		    start + pgoff + n <= npages)
			want_ret = 0;
	} else {
		want_r = va >= pool_va && va < pool_va + npages * PG;
		if (want_r && pgoff < count && pgoff + n <= count)
			for (i = 0; i < nallocs; i++)
				if (allocs[i].start <= start &&
				    start < allocs[i].start + allocs[i].taken) {
					if (start + pgoff + n <= allocs[i].start + allocs[i].taken)
						want_ret = 0;
					break;
				}
	}
	if (!want_r)
		want_ret = 12345;	/* untouched */
	if (!want_ret)
		want_pfn = base_pfn + start + pgoff;
	if (r != want_r || ret != want_ret ||
	    (!want_ret && (pfn != want_pfn || bytes != n * PG)))
		mismatch("mmap %s: returned %d ret %d pfn %#lx size %lu, model %d ret %d pfn %#lx size %lu",
			 kind, r, ret, pfn, bytes, want_r, want_ret, want_pfn, n * PG);
	check_stats();
}

static long req_bytes(void)
{
	unsigned long pages;
	double r = (rnd() >> 11) * (1.0 / 9007199254740992.0);

	if (r < 0.45)
		pages = rr(1, 8);
	else if (r < 0.75)
		pages = rr(1, max_req);
	else if (r < 0.82)
		pages = rr(1, npages);
	else if (r < 0.95) {
		/* The length of a free run, or one more or less. */
		unsigned long p = next_pg(rn(npages), 0), e;

		if (p >= npages)
			p = next_pg(0, 0);
		e = p < npages ? next_pg(p, 1) : npages;
		pages = (e - p) + rr(0, 2) - 1;
		if (!pages)
			pages = 1;
	} else if (r < 0.98) {
		pages = npages + rn(2);
	} else {
		/* 0 or negative: the base returns page 0 for 0 and is not given <0. */
		return rule != RULE_BASE && chance(0.5) ? -(long)rr(1, 3 * PG) : 0;
	}
	return pages * PG - (chance(0.5) ? rn(PG) : 0);
}

static void episode_run(unsigned long budget)
{
	static const unsigned int aligns[] = { 0, 0, 1, 2, 3, 4, 6, 9, 12, 16 };
	unsigned long nops, k;
	double r;
	int i;

	nlog = 0;
	r = (rnd() >> 11) * (1.0 / 9007199254740992.0);
	if (r < 0.3)
		npages = rr(1, 64);
	else if (r < 0.7)
		npages = (unsigned long)(1 << rn(13)) + rn(1UL << rn(13)) % MAXPAGES;
	else if (r < 0.85)
		npages = 1UL << rn(13);
	else
		npages = rr(1, MAXPAGES);
	if (npages < 1)
		npages = 1;
	if (npages > MAXPAGES)
		npages = MAXPAGES;
	base_pfn = chance(0.05) ? 0 : (rn(1UL << 16) | 1) << aligns[rn(10)];
	align_order = base_pfn ? __builtin_ctzl(base_pfn) : 31;
	if (align_order > 31)
		align_order = 31;
	memset(used_map, 0, sizeof(used_map));
	used = 0;
	nallocs = 0;
	pool_va = NULL;
	memset(&ms, 0, sizeof(ms));
	if (coh_pool_create(dev, base_pfn * PG, npages * PG)) {
		mismatch("pool of %lu pages not created", npages);
		return;
	}
	logop("create pool: %lu pages at dma %#lx", npages, base_pfn * PG);
	/* Find the pool's address: an allocation of one page from it. */
	do_alloc(PG);
	nops = rr(1, 3000);
	if (nops > budget)
		nops = budget;
	for (k = 0; k < nops && npages; k++) {
		r = (rnd() >> 11) * (1.0 / 9007199254740992.0);
		if (r < 0.45 || !nallocs) {
			do_alloc(req_bytes());
		} else if (r < 0.75) {
			i = rn(nallocs);
			do_free(allocs[i].va, allocs[i].bytes, i, "good");
		} else if (r < 0.88) {
			/* Bad frees. */
			struct alloc *a = &allocs[rn(nallocs)];
			unsigned long kind = rn(5), p, cnt;
			long bytes;

			switch (kind) {
			case 0:	/* wrong size at the start */
				do bytes = rr(1, 2 * a->taken + 2) * PG - rn(PG);
				while ((bytes + PG - 1) / PG == (long)a->taken);
				if (!coh_rev_first_fit && a->start + (1UL << order_of(bytes)) > npages)
					break;	/* would clear past the bitmap */
				do_free(a->va, bytes, -1, "wrong-size");
				break;
			case 1:	/* inside an allocation */
				if (a->taken * PG < 2)
					break;
				p = rr(1, a->taken * PG - 1);
				if (chance(0.5))
					p &= ~(PG - 1);
				if (!p)
					p = PG / 2;
				bytes = a->bytes;
				if (!coh_rev_first_fit && (a->start + p / PG) + (1UL << order_of(bytes)) > npages)
					break;
				do_free(a->va + p, bytes, -1, "inside");
				break;
			case 2:	/* a free page */
				p = next_pg(rn(npages), 0);
				if (p >= npages)
					break;
				bytes = rr(1, 4) * PG;
				cnt = 1UL << order_of(bytes);
				if (!coh_rev_first_fit && p + cnt > npages)
					break;
				do_free(pool_va + p * PG + (chance(0.3) ? rn(PG) : 0), bytes, -1, "free-page");
				break;
			case 3:	/* outside the pool */
				do_free(chance(0.5) ? pool_va - PG * rr(1, 4) : pool_va + npages * PG + rn(4 * PG),
					PG, -1, "outside");
				break;
			case 4:	/* size 0 at a start */
				do_free(a->va, 0, -1, "size-0");
				break;
			}
		} else {
			/* mmap of an allocation, in and out of it, or of elsewhere. */
			struct alloc *a = &allocs[rn(nallocs)];
			unsigned long kind = rn(6), off = 0, pgoff, n;
			long size = a->bytes;
			unsigned long cnt = (a->bytes + PG - 1) / PG;

			pgoff = rn(cnt + 2);
			n = rr(1, cnt + 2);
			if (kind == 1)		/* the whole buffer */
				pgoff = 0, n = cnt;
			else if (kind == 2)	/* larger size than the buffer */
				size = rr(cnt, 2 * cnt + 2) * PG;
			else if (kind == 3)	/* from a page inside it */
				off = rn(a->taken) * PG;
			else if (kind == 4) {	/* a free page */
				unsigned long p = next_pg(rn(npages), 0);

				if (p >= npages)
					continue;
				off = 0;
				a = NULL;
				do_mmap(pool_va + p * PG, rr(1, 4) * PG, rn(3), rr(1, 3), "free-page");
				continue;
			} else if (kind == 5) {	/* outside */
				do_mmap(pool_va + npages * PG + rn(2) * PG, PG, 0, 1, "outside");
				continue;
			}
			if (a->bytes <= 0)
				continue;
			do_mmap(a->va + off, size, pgoff, n, kind == 2 ? "oversize" : kind == 3 ? "inner" : "alloc");
		}
	}
	if (!npages)
		goto destroy;
	/* Drain, then the whole pool in one allocation: nothing leaked. */
	for (i = 0; i < nallocs; i++)
		tag_check(&allocs[i], "drain");
	while (nallocs && npages)
		do_free(allocs[nallocs - 1].va, allocs[nallocs - 1].bytes, nallocs - 1, "drain");
	if (npages)
		do_alloc(npages * PG);
destroy:
	coh_pool_destroy(dev);
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "rule", required_argument, NULL, 'r' },
		{ "episode", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	unsigned long n = 1000000, only = ~0UL;
	struct timespec t0, t1;
	int c;

	seed = 1;
	while ((c = getopt_long(argc, argv, "n:s:m:v", lopts, NULL)) != -1) {
		switch (c) {
		case 'n': n = strtoul(optarg, NULL, 0); break;
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 'm': max_req = strtoul(optarg, NULL, 0); break;
		case 'v': verbose = 1; break;
		case 'e': only = strtoul(optarg, NULL, 0); break;
		case 'r':
			if (!strcmp(optarg, "base"))
				rule = RULE_BASE;
			else if (!strcmp(optarg, "exact"))
				rule = RULE_EXACT;
			else if (!strcmp(optarg, "first"))
				rule = RULE_FIRST;
			else if (!strcmp(optarg, "checked"))
				rule = RULE_CHECKED;
			else {
				fprintf(stderr, "--rule=base|checked|first|exact\n");
				return 2;
			}
			break;
		default:
			fprintf(stderr, "usage: fuzz [-n OPS] [-s SEED] [-m MAXPAGES] [--rule=base|checked|first|exact] [--episode=K -v]\n");
			return 2;
		}
	}
	/*
	 * Default: the rule the revision implies: checked frees if it marks
	 * each allocation's end, exact sizes, first fit, if it also takes
	 * exactly the pages asked for; otherwise the base's rounding.
	 */
	if (rule < 0)
		rule = !coh_rev_first_fit ? RULE_BASE :
		       coh_rev_exact_sizes ? RULE_FIRST : RULE_CHECKED;
	coh_quiet = 1;
	dev = coh_dev_new();
	printf("fuzz %s: rule %s, seed %" PRIu64 ", statistics %s\n", coh_rev_name,
	       rule_names[rule], seed,
	       coh_rev_has_stats && rule != RULE_BASE ? "checked" : "not checked");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (episode = 0; ops < n || only != ~0UL; episode++) {
		rs = seed * 0x9e3779b97f4a7c15ULL + episode * 0xd1b54a32d192ed03ULL + 1;
		if (only != ~0UL && episode != only) {
			if (episode > only)
				break;
			continue;
		}
		episode_run(only != ~0UL ? ~0UL : n - ops);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%lu operations, %lu mismatches (%lu episodes, %.1f s)\n", ops, mismatches,
	       episode, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	coh_dev_put(dev);
	return mismatches ? 1 : 0;
}
