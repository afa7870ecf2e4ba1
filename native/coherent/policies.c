// SPDX-License-Identifier: GPL-2.0
/*
 * What a placement policy costs in fill, apart from any implementation:
 * the fill at the first failure of bench's random workload (1 to 64 pages,
 * 40 % frees) on a plain page map, for the policies an index could follow.
 * Every request of n pages is aligned to 2^order_base_2(n) in the pool.
 *
 *  first       the lowest aligned place (coherent.c with exact sizes)
 *  best        in the shortest free run that holds it, the lowest on a tie
 *  class-best  in the runs of the smallest size class (floor(log2(length)))
 *              that has one holding it, the lowest of those
 *  good-fit    the lowest run of the smallest class whose every run holds
 *              it (length >= n + alignment - 1), as segregated fits with a
 *              constant-time lookup do; first fit when there is none
 *
 *   policies [-s SEEDS]     prints one line per pool and seed
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "coh_api.h"

enum { FIRST, BEST, CLASS_BEST, GOOD_FIT, NPOL };
static const char *const names[NPOL] = { "first", "best", "class-best", "good-fit" };
static unsigned char *map;
static long npages;

static int class_of(long len)
{
	int c = 0;

	while ((2L << c) <= len)
		c++;
	return c;
}

static long place(int pol, long n)
{
	long align = 1, p = 0, best = -1, best_len = 0, lowest[64];
	int best_class = 64, c, guaranteed;

	while (align < n)
		align <<= 1;
	for (c = 0; c < 64; c++)
		lowest[c] = -1;
	while (p < npages) {
		long s, e, a;

		while (p < npages && map[p])
			p++;
		for (s = p; p < npages && !map[p]; p++)
			;
		e = p;
		if (s == e)
			continue;
		a = (s + align - 1) & ~(align - 1);
		c = class_of(e - s);
		if (lowest[c] < 0)
			lowest[c] = s;
		if (a + n > e)
			continue;
		if (pol == FIRST)
			return a;
		if (pol == BEST && (best < 0 || e - s < best_len)) {
			best = a;
			best_len = e - s;
		}
		if (pol == CLASS_BEST && c < best_class) {
			best = a;
			best_class = c;
		}
	}
	if (pol != GOOD_FIT)
		return best;
	guaranteed = class_of(n + align - 1);
	if ((1L << guaranteed) < n + align - 1)
		guaranteed++;
	for (c = guaranteed; c < 64; c++)
		if (lowest[c] >= 0)
			return (lowest[c] + align - 1) & ~(align - 1);
	return place(FIRST, n);
}

static double fill(int pol, long pages, uint64_t seed)
{
	struct { long p, n; } *bufs = calloc(pages + 1, sizeof(*bufs));
	long nbufs = 0, used = 0, i, n, p;

	npages = pages;
	map = calloc(pages, 1);
	rs = seed;
	for (;;) {
		if (nbufs && rnd() % 10 < 4) {
			i = rnd() % nbufs;
			memset(map + bufs[i].p, 0, bufs[i].n);
			used -= bufs[i].n;
			bufs[i] = bufs[--nbufs];
			continue;
		}
		n = mixed_pages();
		p = place(pol, n);
		if (p < 0)
			break;
		memset(map + p, 1, n);
		used += n;
		bufs[nbufs].p = p;
		bufs[nbufs++].n = n;
	}
	free(map);
	free(bufs);
	return 100.0 * used / pages;
}

int main(int argc, char **argv)
{
	static const long sizes[] = { 4096, 65536 };
	int seeds = 3, c, s, seed, pol;

	while ((c = getopt(argc, argv, "s:")) != -1) {
		if (c != 's') {
			fprintf(stderr, "usage: policies [-s SEEDS]\n");
			return 2;
		}
		seeds = atoi(optarg);
	}
	printf("fill at the first failure, %% of the pool requested (1-64 pages, 40 %% frees)\n");
	printf("%-14s", "pool, seed");
	for (pol = 0; pol < NPOL; pol++)
		printf(" %10s", names[pol]);
	printf("\n");
	for (s = 0; s < 2; s++)
		for (seed = 1; seed <= seeds; seed++) {
			printf("%4ld MiB, %4d", sizes[s] * 4 / 1024, seed);
			for (pol = 0; pol < NPOL; pol++)
				printf(" %10.1f", fill(pol, sizes[s], seed));
			printf("\n");
		}
	return 0;
}
