# SPDX-License-Identifier: GPL-2.0
#
# kunit.py QEMU config for scripts/global-pool.sh: riscv64 "virt", booted
# with QEMU's own device tree plus configs/global_pool_virt.dtso (a no-map
# shared-dma-pool region with linux,dma-default: the global coherent pool).
# Modelled on the series' tools/testing/kunit/qemu_configs/arm64_reserved_mem.py:
#
#   ./tools/testing/kunit/kunit.py run --arch=riscv \
#	--cross_compile=riscv64-linux-gnu- \
#	--kunitconfig=<configs/global-pool.config> --qemu_config=<this file>
#
# The device tree is made each time kunit.py starts the kernel: QEMU dumps
# its own with the machine options the kernel boots with, and the dtc and
# fdtoverlay of the build directory's scripts/dtc/ (CONFIG_DTC=y) compile
# and apply the overlay. GLOBAL_POOL_DTSO names another overlay;
# GLOBAL_POOL_DTB_OUT a file to keep a copy of the device tree booted in.

import atexit
import os
import shutil
import subprocess
import tempfile
from typing import List

from ..qemu_config import QemuArchParams

OPENSBI_PATH = '/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin'

_DTSO = os.environ.get('GLOBAL_POOL_DTSO') or os.path.join(
	os.path.dirname(os.path.abspath(__file__)), 'global_pool_virt.dtso')

# kunit.py passes '-m 1024' and the accelerators itself; the dump must use
# the same machine, CPU and memory as the boot.
_MACHINE = ['-machine', 'virt', '-cpu', 'rv64', '-m', '1024']
_DUMP = ['qemu-system-riscv64', '-nodefaults', '-display', 'none',
	 '-accel', 'kvm', '-accel', 'hvf', '-accel', 'tcg', '-bios', OPENSBI_PATH]


def _dtb_params(build_dir: str) -> List[str]:
	if not os.path.isfile(OPENSBI_PATH):
		raise RuntimeError(f'{OPENSBI_PATH} not found: install qemu-system-misc')
	dtc = os.path.join(build_dir, 'scripts', 'dtc', 'dtc')
	fdtoverlay = os.path.join(build_dir, 'scripts', 'dtc', 'fdtoverlay')
	for tool in (dtc, fdtoverlay):
		if not os.access(tool, os.X_OK):
			raise RuntimeError(f'{tool} not found: build the kernel '
					   'first (kbuild makes it when CONFIG_DTC=y)')
	tmp = tempfile.mkdtemp(prefix='kunit-gp-')
	atexit.register(shutil.rmtree, tmp, ignore_errors=True)
	base = os.path.join(tmp, 'virt.dtb')
	dtbo = os.path.join(tmp, 'global_pool.dtbo')
	dtb = os.path.join(tmp, 'global-pool.dtb')
	machine = list(_MACHINE)
	machine[1] += ',dumpdtb=' + base
	steps = [_DUMP + machine,
		 [dtc, '-@', '-q', '-Wno-avoid_unnecessary_addr_size',
		  '-I', 'dts', '-O', 'dtb', '-o', dtbo, _DTSO],
		 [fdtoverlay, '-i', base, '-o', dtb, dtbo]]
	for cmd in steps:
		res = subprocess.run(cmd, stdout=subprocess.PIPE,
				     stderr=subprocess.STDOUT, text=True, check=False)
		if res.returncode:
			raise RuntimeError('failed: ' + ' '.join(cmd) + '\n' + res.stdout)
	out = os.environ.get('GLOBAL_POOL_DTB_OUT')
	if out:
		shutil.copyfile(dtb, out)
	return ['-dtb', dtb]


QEMU_ARCH = QemuArchParams(linux_arch='riscv',
			   kconfig='''
CONFIG_ARCH_VIRT=y
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y
CONFIG_SERIAL_OF_PLATFORM=y
CONFIG_RISCV_SBI_V01=y
CONFIG_SERIAL_EARLYCON_RISCV_SBI=y
CONFIG_DTC=y''',
			   qemu_arch='riscv64',
			   kernel_path='arch/riscv/boot/Image',
			   kernel_command_line='console=ttyS0',
			   extra_qemu_params=['-bios', OPENSBI_PATH] + list(_MACHINE),
			   prepare_qemu_params=_dtb_params)
