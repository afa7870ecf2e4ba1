// SPDX-License-Identifier: GPL-2.0
/*
 * rmem_show: the /init of make run's initramfs (scripts/run.sh): prints what
 * the running kernel made of reserved memory, and powers the machine off.
 * Built static with the kernel's tools/include/nolibc: no libc, no shell.
 * It prints, each after a line "== <path>":
 *
 *  - debugfs of/reserved_mem: every /reserved-memory node, what it became
 *    and the devices bound to it;
 *  - debugfs dma_coherent/<pool>/stats: one line per coherent pool a
 *    device has bound to since boot;
 *  - debugfs dma_pools/: the atomic pools' sizes and counters;
 *  - /sys/kernel/mm/cma/<area>/ and, if the kernel has them, debugfs
 *    cma/<area>/: one line per CMA area;
 *
 * "(none)" where there is nothing to show; then "rmem_show: done".
 */

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEBUGFS "/sys/kernel/debug"
#define MAX_NAMES 128

/* The entries of @dir but . and .., sorted: readdir order is no order. */
static int list(const char *dir, char names[][256])
{
	struct dirent ent, *res;
	DIR *d = opendir(dir);
	int n = 0, i;

	if (!d)
		return -1;
	while (n < MAX_NAMES && !readdir_r(d, &ent, &res) && res) {
		if (!strcmp(ent.d_name, ".") || !strcmp(ent.d_name, ".."))
			continue;
		for (i = n++; i > 0 && strcmp(names[i - 1], ent.d_name) > 0; i--)
			memcpy(names[i], names[i - 1], sizeof(names[i]));
		strlcpy(names[i], ent.d_name, sizeof(names[i]));
	}
	closedir(d);
	return n;
}

/*
 * The content of the regular file @dir/@name, NUL-terminated, without its
 * last newline; NULL if it is no regular file or cannot be read (debugfs
 * files that are only written, such as cma/<area>/alloc).
 */
static const char *slurp(const char *dir, const char *name, char *buf, int size)
{
	char path[512];
	struct stat st;
	int fd, len = 0, ret = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (lstat(path, &st) || !S_ISREG(st.st_mode))
		return NULL;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	while (len < size - 1 && (ret = read(fd, buf + len, size - 1 - len)) > 0)
		len += ret;
	close(fd);
	if (ret < 0)
		return NULL;
	if (len && buf[len - 1] == '\n')
		len--;
	buf[len] = '\0';
	return buf;
}

/* " key=value" for each "key: value" line of @text. */
static void show_fields(char *text)
{
	char *line = text, *next, *colon;

	for (; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		colon = strchr(line, ':');
		if (!colon)
			continue;
		*colon++ = '\0';
		printf(" %s=%s", line, colon + (*colon == ' '));
	}
}

/*
 * One line per directory in @dir: its name, then " name=value" for each
 * file in it, or, if @file is not NULL, " key=value" for each line of
 * @file in it.
 */
static void show_dirs(const char *dir, const char *file)
{
	static char dirs[MAX_NAMES][256], files[MAX_NAMES][256], buf[4096];
	char path[512];
	int n, m, i, j;

	printf("== %s/*%s%s\n", dir, file ? "/" : "", file ? file : "");
	n = list(dir, dirs);
	if (n <= 0)
		printf("(none)\n");
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, dirs[i]);
		if (file) {
			if (!slurp(path, file, buf, sizeof(buf)))
				continue;
			printf("%s", dirs[i]);
			show_fields(buf);
			printf("\n");
			continue;
		}
		m = list(path, files);
		if (m < 0)
			continue;
		printf("%s", dirs[i]);
		for (j = 0; j < m; j++)
			if (slurp(path, files[j], buf, sizeof(buf)))
				printf(" %s=%s", files[j], buf);
		printf("\n");
	}
}

/* "name value" for each file in @dir. */
static void show_files(const char *dir)
{
	static char files[MAX_NAMES][256], buf[4096];
	int n, i;

	printf("== %s/*\n", dir);
	n = list(dir, files);
	if (n <= 0)
		printf("(none)\n");
	for (i = 0; i < n; i++)
		if (slurp(dir, files[i], buf, sizeof(buf)))
			printf("%s %s\n", files[i], buf);
}

int main(void)
{
	static char table[1 << 16];

	mkdir("/sys", 0755);
	if (mount("sysfs", "/sys", "sysfs", 0, NULL) ||
	    mount("debugfs", DEBUGFS, "debugfs", 0, NULL))
		printf("rmem_show: cannot mount sysfs and debugfs\n");

	printf("== %s/of/reserved_mem\n", DEBUGFS);
	printf("%s\n", slurp(DEBUGFS "/of", "reserved_mem", table, sizeof(table)) ?:
	       "(none)");
	show_dirs(DEBUGFS "/dma_coherent", "stats");
	show_files(DEBUGFS "/dma_pools");
	show_dirs("/sys/kernel/mm/cma", NULL);
	if (!access(DEBUGFS "/cma", F_OK))
		show_dirs(DEBUGFS "/cma", NULL);
	printf("rmem_show: done\n");

	reboot(RB_POWER_OFF);
	return 0;
}
