// SPDX-License-Identifier: GPL-2.0
/*
 * The /init of the no-harm boots (scripts/no-harm.sh): prints what the running
 * kernel did with memory, in words any kernel since 4.x can be asked, and
 * powers off. Static, with the kernel's tools/include/nolibc.
 *
 *   cma NAME BASE_PFN COUNT     each CMA area (debugfs cma/, CONFIG_CMA_DEBUGFS)
 *   pages FIRST LAST CLASS      runs of page frames from /proc/kpageflags, from
 *                               the first frame of RAM: n (no struct page),
 *                               r (PG_reserved), o (owned by the page allocator)
 *   probe: done
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

#define KPF_BUDDY	10
#define KPF_NOPAGE	20
#define KPF_RESERVED	32
#define RAM_PFN		0x40000UL	/* QEMU virt's RAM starts at 1 GiB */

static unsigned long long value(const char *dir, const char *name)
{
	char path[300], buf[32] = "";
	unsigned long long v = 0;
	int fd, n, i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return ~0ULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	for (i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
		v = v * 10 + buf[i] - '0';
	return v;
}

static void cma_areas(void)
{
	struct dirent ent, *res;
	char dir[300];
	DIR *d = opendir("/debug/cma");

	if (!d) {
		printf("probe: no debugfs cma/\n");
		return;
	}
	while (!readdir_r(d, &ent, &res) && res) {
		if (ent.d_name[0] == '.')
			continue;
		snprintf(dir, sizeof(dir), "/debug/cma/%s", ent.d_name);
		printf("cma %s %llu %llu\n", ent.d_name, value(dir, "base_pfn"), value(dir, "count"));
	}
	closedir(d);
}

static void pages(void)
{
	static unsigned long long flags[8192];
	unsigned long pfn = RAM_PFN, first = RAM_PFN;
	char class = 0, c;
	int fd = open("/proc/kpageflags", O_RDONLY);
	long n, i;

	if (fd < 0 || lseek(fd, RAM_PFN * 8, SEEK_SET) < 0) {
		printf("probe: cannot read /proc/kpageflags\n");
		return;
	}
	while ((n = read(fd, flags, sizeof(flags))) > 0) {
		for (i = 0; i < n / 8; i++, pfn++) {
			if (flags[i] & (1ULL << KPF_NOPAGE))
				c = 'n';
			else if (flags[i] & (1ULL << KPF_RESERVED))
				c = 'r';
			else
				c = 'o';
			if (c != class) {
				if (class)
					printf("pages %lx %lx %c\n", first, pfn - 1, class);
				class = c;
				first = pfn;
			}
		}
	}
	if (class)
		printf("pages %lx %lx %c\n", first, pfn - 1, class);
	close(fd);
}

int main(void)
{
	mkdir("/proc", 0755);
	mkdir("/debug", 0755);
	if (mount("proc", "/proc", "proc", 0, NULL) || mount("debugfs", "/debug", "debugfs", 0, NULL))
		printf("probe: cannot mount proc or debugfs\n");
	printf("== probe\n");
	cma_areas();
	pages();
	printf("probe: done\n");
	fflush(stdout);
	reboot(LINUX_REBOOT_CMD_POWER_OFF);
	return 0;
}
