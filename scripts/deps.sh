#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install what is missing: bookworm's compilers and QEMU; the pinned kernel source from
# trixie-backports, added with the mirror apt already uses and pinned low; the Python
# venv build/venv of requirements.txt, made again only when it or python3 changes.
. "$(dirname "$0")/lib.sh"
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
apt() { DEBIAN_FRONTEND=noninteractive $SUDO apt-get -qq "$@" > /dev/null; }
new=$(for p in gcc gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf gcc-riscv64-linux-gnu qemu-system-arm qemu-system-misc \
	device-tree-compiler bc bison flex libssl-dev libelf-dev cpio git ccache make xz-utils perl \
	python3-ply python3-git python3-venv python3-dev; do
	[ "$(dpkg-query -W -f='${Status}' "$p" 2> /dev/null)" = "install ok installed" ] || echo "$p"; done)
[ -z "$new" ] || { msg "installing:" $new; apt update; apt install -y --no-install-recommends $new; }
if [ ! -f "$BASE_TARBALL" ]; then
	# The mirror apt already uses for this release, from apt's own view of its sources
	# (deb822 .sources files, sources.list or both), never a host name of ours.
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:?}") src=/etc/apt/sources.list.d/$BASE_SUITE.sources
	apt update
	mirror=$(apt-cache policy | awk -v n="n=$codename," '$2 ~ /:\/\// { uri = $2 }
		/ release / && /o=Debian,/ && index($0, n) && uri { print uri; exit }')
	[ -n "$mirror" ] || die "no Debian mirror for $codename in the apt configuration (apt-cache policy)"
	[ -f "$src" ] || printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
		"$mirror" "$BASE_SUITE" /usr/share/keyrings/debian-archive-keyring.gpg | $SUDO tee "$src" > /dev/null
	printf 'Package: *\nPin: release n=%s\nPin-Priority: 50\n' "$BASE_SUITE" |
		$SUDO tee "/etc/apt/preferences.d/$BASE_SUITE.pref" > /dev/null
	msg "installing $BASE_PKG=$BASE_VERSION from $BASE_SUITE ($mirror)" && apt update
	# --reinstall: the package may be installed with its tarball gone
	apt install -y --reinstall --no-install-recommends "$BASE_PKG=$BASE_VERSION"
	[ -f "$BASE_TARBALL" ] || die "$BASE_PKG=$BASE_VERSION installed no $BASE_TARBALL"
fi
req=$TOP/requirements.txt venv=$BUILD/venv
key=$({ cat "$req"; /usr/bin/python3 -V; } | sha256sum)
[ "$(cat "$venv/.key" 2>/dev/null)" = "$key" ] && exit 0	# exact pins, no other package:
msg "making $venv" && rm -rf "$venv" && /usr/bin/python3 -m venv "$venv"
PIP_CONSTRAINT=$req PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" install -q --no-deps --use-pep517 \
	-r "$req" >&2 && "$venv/bin/pip" check >&2 && echo "$key" > "$venv/.key"
