// SPDX-License-Identifier: GPL-2.0
/*
 * Native timings of one revision's coherent-pool allocator: alloc+free
 * pairs on fragmented pools, the worst single call on 1 GiB while it is
 * filled, the longest: a request refused after a search of the whole 1 GiB
 * bitmap (two layouts, the median of 21), the fill at
 * the first failure of a random workload, metadata bytes per pool page.
 * Default output is a table; -k prints "key value" lines for bench.sh.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "coh_api.h"

#define PG	4096UL


static inline uint64_t now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ULL + t.tv_nsec;
}

/*
 * Powers of two of 1 to 64 pages, for the prefills: an allocator that rounds
 * up to a power of two and one that takes exact sizes both place them at the
 * first free block aligned to their size, so the pairs of every revision
 * are timed on the same pool.
 */
static unsigned long pow2_pages(void)
{
	return 1UL << (rnd() % 7);
}

static int use_model;	/* the best-fit reference below, not the revision */

/* Pages a request holds: a power of two unless the revision takes exact sizes. */
static unsigned long taken(unsigned long pages)
{
	unsigned long t = 1;

	if (coh_rev_exact_sizes || use_model)
		return pages;
	while (t < pages)
		t <<= 1;
	return t;
}

/*
 * The best-fit reference for the fill at the first failure: exact sizes,
 * aligned to 2^order_base_2(n) pages in the pool, in the smallest maximal
 * free run that holds the request so aligned, the lowest on a tie. A
 * brute-force walk of its own bitmap: the policy, not a fast allocator.
 */
static uint64_t *model_map;
static unsigned long model_pages;

static int model_test(unsigned long p) { return model_map[p / 64] >> (p % 64) & 1; }
static void model_set(unsigned long p, unsigned long n, int v)
{
	for (; n; n--, p++)
		if (v)
			model_map[p / 64] |= 1ULL << (p % 64);
		else
			model_map[p / 64] &= ~(1ULL << (p % 64));
}
static long model_best_fit(unsigned long n)
{
	unsigned long p = 0, s, e, a, align = 1, best_len = ~0UL;
	long best = -1;

	while (align < n)
		align <<= 1;
	while (p < model_pages) {
		while (p < model_pages && model_test(p))
			p++;
		for (s = p; p < model_pages && !model_test(p); p++)
			;
		e = p;
		a = (s + align - 1) & ~(align - 1);
		if (s < e && a + n <= e && e - s < best_len) {
			best = a;
			best_len = e - s;
		}
	}
	if (best >= 0)
		model_set(best, n, 1);
	return best;
}

struct buf { void *va; unsigned long pages; };
static struct buf *bufs;
static unsigned long nbufs, held, requested;
static uint64_t worst_alloc, worst_free;
static int track_worst;
static struct device *dev;

/* The worst call is timed in this thread's CPU time: preemption is not its cost. */
static inline uint64_t cpu_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec * 1000000000ULL + t.tv_nsec;
}

static void *alloc_pages(unsigned long pages)
{
	uint64_t dma, t0 = track_worst ? cpu_now() : 0, t;
	void *va;

	if (use_model) {
		long p = model_best_fit(pages);

		va = p < 0 ? NULL : (void *)((p + 1) * PG);
	} else {
		va = coh_pool_alloc(dev, pages * PG, &dma);
	}

	if (track_worst && (t = cpu_now() - t0) > worst_alloc)
		worst_alloc = t;
	if (va) {
		bufs[nbufs].va = va;
		bufs[nbufs++].pages = pages;
		held += taken(pages);
		requested += pages;
	}
	return va;
}

static void free_buf(unsigned long i)
{
	uint64_t t0 = track_worst ? cpu_now() : 0, t;

	if (use_model)
		model_set((unsigned long)bufs[i].va / PG - 1, bufs[i].pages, 0);
	else
		coh_pool_free(dev, bufs[i].pages * PG, bufs[i].va);
	if (track_worst && (t = cpu_now() - t0) > worst_free)
		worst_free = t;
	held -= taken(bufs[i].pages);
	requested -= bufs[i].pages;
	bufs[i] = bufs[--nbufs];
}

static void pool_new(unsigned long pages)
{
	if (use_model) {
		model_map = calloc(pages / 64 + 1, sizeof(*model_map));
		model_pages = pages;
	} else if (coh_pool_create(dev, 0x80000000ULL, pages * PG)) {
		fprintf(stderr, "pool of %lu pages not created\n", pages);
		exit(1);
	}
	bufs = calloc(pages + 1, sizeof(*bufs));
	nbufs = held = requested = 0;
}

static void pool_del(void)
{
	while (nbufs)
		free_buf(nbufs - 1);
	if (use_model)
		free(model_map);
	else
		coh_pool_destroy(dev);
	free(bufs);
}

/*
 * Fragment the pool as a long-running system would: fill it past @pct
 * (a few random frees along the way), then free random buffers down to
 * @pct of its pages.
 */
static void prefill(unsigned long pages, unsigned int pct)
{
	unsigned long target = pages * pct / 100, high = pages * (pct + 7) / 100;

	if (!pct)
		return;
	rs = 1;
	while (held < high) {
		if (nbufs && rnd() % 4 == 0)
			free_buf(rnd() % nbufs);
		else if (!alloc_pages(pow2_pages()))
			break;
	}
	while (held > target && nbufs)
		free_buf(rnd() % nbufs);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Median over @runs of one alloc+free pair of @pages pages, in ns; pairs
 * are timed in batches of 16 when they are short. -1: the request fails.
 */
static double pair_ns(unsigned long pages, int runs, double *irqoff)
{
	uint64_t *t = calloc(runs, sizeof(*t)), *q = calloc(runs, sizeof(*q)), dma, t0;
	unsigned long long q0;
	int i, j, batch = 16;
	void *va;
	double med;

	t0 = now();
	va = coh_pool_alloc(dev, pages * PG, &dma);
	if (!va) {
		free(t);
		free(q);
		return -1;
	}
	coh_pool_free(dev, pages * PG, va);
	if (now() - t0 > 10000)
		batch = 1;
	for (i = -runs / 10; i < runs; i++) {	/* a tenth to warm up */
		q0 = coh_irqoff_ticks;
		t0 = now();
		for (j = 0; j < batch; j++) {
			va = coh_pool_alloc(dev, pages * PG, &dma);
			coh_pool_free(dev, pages * PG, va);
		}
		if (i >= 0) {
			t[i] = now() - t0;
			q[i] = coh_irqoff_ticks - q0;
		}
	}
	qsort(t, runs, sizeof(*t), cmp_u64);
	qsort(q, runs, sizeof(*q), cmp_u64);
	med = (double)t[runs / 2] / batch;
	*irqoff = coh_clock_ns(q[runs / 2]) / batch;
	free(t);
	free(q);
	return med;
}

/*
 * The longest call on a 1 GiB pool: a request refused after the whole
 * bitmap is searched. A refusal changes nothing, so the same call is timed
 * @runs times: the median time the lock is held, in ns; -1 if it was
 * served. Two layouts, each the worst of one search: @frag 0, the pool
 * full and 1 page asked (the base steps through every page); @frag 1,
 * page 32j in use for every j and 32 pages asked (31 free pages in each
 * 32, none aligned for 32: every word has runs to test). The layout is
 * made of 32-page buffers; for @frag, each is replaced, from the top down,
 * by 1 page, which first fit puts at the buffer's first page.
 */
static double refused_ns(unsigned long pages, int frag, unsigned long req, int runs)
{
	uint64_t *q = calloc(runs, sizeof(*q)), dma;
	unsigned long long q0;
	double med = -1;
	unsigned long k;
	int i;

	pool_new(pages);
	for (k = 0; k < pages / 32; k++)
		if (!alloc_pages(32))
			goto out;
	for (k = nbufs; frag && k-- > 0;) {
		free_buf(k);	/* the last buffer takes its place: a 1-page one */
		if (!alloc_pages(1))
			goto out;
	}
	for (i = 0; i < runs; i++) {
		q0 = coh_irqoff_ticks;
		if (coh_pool_alloc(dev, req * PG, &dma))
			goto out;
		q[i] = coh_irqoff_ticks - q0;
	}
	qsort(q, runs, sizeof(*q), cmp_u64);
	med = coh_clock_ns(q[runs / 2]);
out:
	pool_del();
	free(q);
	return med;
}

/* A random workload from empty until the first failure: the fill then. */
static void first_failure(unsigned long pages, uint64_t seed, double *in_use, double *req)
{
	pool_new(pages);
	rs = seed;
	for (;;) {
		if (nbufs && rnd() % 10 < 4) {
			free_buf(rnd() % nbufs);
		} else if (!alloc_pages(mixed_pages())) {
			break;
		}
	}
	*in_use = 100.0 * held / pages;
	*req = 100.0 * requested / pages;
	pool_del();
}

int main(int argc, char **argv)
{
	static const unsigned long sizes[] = { 4096, 65536, 262144 };
	static const char *const names[] = { "16M", "256M", "1G" };
	static const unsigned int fills[] = { 0, 50, 90 };
	static const unsigned long reqs[] = { 1, 7, 64 };
	int keys = 0, cpu = -1, runs = 201, c, s, f, r;
	unsigned long meta = 0;
	unsigned long long worst_irqoff = 0;

	while ((c = getopt(argc, argv, "kc:r:")) != -1) {
		if (c == 'k')
			keys = 1;
		else if (c == 'c')
			cpu = atoi(optarg);
		else if (c == 'r')
			runs = atoi(optarg);
		else {
			fprintf(stderr, "usage: bench [-k] [-c CPU] [-r RUNS]\n");
			return 2;
		}
	}
	if (cpu >= 0) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set))
			perror("sched_setaffinity");
	}
	coh_quiet = 1;
	dev = coh_dev_new();
	if (!keys)
		printf("bench %s: alloc+free pair, median of %d, ns (4 KiB pages)\n"
		       "pool  fill  %10s %10s %10s\n", coh_rev_name, runs,
		       "1 page", "7 pages", "64 pages");
	for (s = 0; s < 3; s++) {
		for (f = 0; f < 3; f++) {
			unsigned long before = coh_meta_bytes;

			track_worst = s == 2;
			if (track_worst && !f)
				coh_irqoff_max = 0;
			pool_new(sizes[s]);
			if (!f && s == 0)
				meta = coh_meta_bytes - before;
			prefill(sizes[s], fills[f]);
			if (!keys)
				printf("%-5s %3u%% ", names[s], fills[f]);
			if (track_worst && f == 2)
				worst_irqoff = coh_irqoff_max;
			for (r = 0; r < 3; r++) {
				double off, ns = pair_ns(reqs[r], runs, &off);

				if (keys && ns < 0)
					printf("pair %s %u %lu fail\nirqoff %s %u %lu fail\n", names[s], fills[f], reqs[r],
					       names[s], fills[f], reqs[r]);
				else if (keys)
					printf("pair %s %u %lu %.0f\nirqoff %s %u %lu %.1f\n", names[s], fills[f],
					       reqs[r], ns, names[s], fills[f], reqs[r], off);
				else if (ns < 0)
					printf(" %10s", "fail");
				else
					printf(" %10.0f", ns);
			}
			if (!keys)
				printf("\n");
			fflush(stdout);
			track_worst = 0;
			pool_del();
		}
	}
	if (keys) {
		printf("worst_alloc 1G %llu\nworst_free 1G %llu\nworst_irqoff 1G %.0f\n",
		       (unsigned long long)worst_alloc, (unsigned long long)worst_free,
		       coh_clock_ns(worst_irqoff));
		printf("meta 16M %.2f\n", (double)meta / sizes[0]);
		printf("refused_full_1p 1G %.0f\n", refused_ns(sizes[2], 0, 1, 21));
		printf("refused_frag32_32p 1G %.0f\n", refused_ns(sizes[2], 1, 32, 21));
	} else {
		printf("worst single call on 1G (prefills; thread CPU time): alloc %llu ns, free %llu ns\n",
		       (unsigned long long)worst_alloc, (unsigned long long)worst_free);
		printf("longest time with the lock held on 1G (prefills): %.0f ns\n",
		       coh_clock_ns(worst_irqoff));
		printf("metadata: %.2f bytes per pool page\n", (double)meta / sizes[0]);
		printf("refused request on 1G, lock held: full pool, 1 page %.0f ns; page 32j used, 32 pages %.0f ns\n",
		       refused_ns(sizes[2], 0, 1, 21), refused_ns(sizes[2], 1, 32, 21));
		printf("fill at first failure (random mixed 1-64 pages, 40 %% frees), %% of pages in use (requested):\n");
	}
	for (s = 0; s < 2; s++) {
		for (r = 1; r <= 3; r++) {
			double in_use, req;

			double best;

			first_failure(sizes[s], r, &in_use, &req);
			use_model = 1;
			first_failure(sizes[s], r, &best, &best);
			use_model = 0;
			if (keys)
				printf("firstfail %s %d %.1f %.1f %.1f\n", names[s], r, in_use, req, best);
			else
				printf("  %-5s seed %d: %.1f %% (%.1f %%), best fit %.1f %%\n",
				       names[s], r, in_use, req, best);
			fflush(stdout);
		}
	}
	coh_dev_put(dev);
	return 0;
}
