#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install what the harness needs, only what is missing: bookworm's toolchain
# and QEMU, plus the pinned kernel source from trixie-backports.
. "$(dirname "$0")/lib.sh"

PKGS="gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu qemu-system-arm device-tree-compiler bc bison flex
libssl-dev libelf-dev cpio python3 git ccache make xz-utils perl
python3-ply python3-git"

missing=()
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

need_src=0
have_ver=$(dpkg-query -W -f='${Version}' "$BASE_PKG" 2>/dev/null || true)
[ -f "$BASE_TARBALL" ] || need_src=1

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
apt_updated=0
apt_update() {
	[ $apt_updated = 1 ] && return
	$SUDO apt-get update -qq
	apt_updated=1
}

if [ ${#missing[@]} -gt 0 ]; then
	msg "installing: ${missing[*]}"
	apt_update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null
fi

if [ $need_src = 1 ]; then
	# Add the backports suite with the mirror this machine's apt already
	# uses, pinned low so that nothing else is taken from it.
	src=/etc/apt/sources.list.d/$BASE_SUITE.sources
	if [ ! -f "$src" ]; then
		mirror=$(awk '/^URIs:/ { print $2; exit }' \
			/etc/apt/sources.list.d/*.sources 2>/dev/null || true)
		[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { print $2; exit }' \
			/etc/apt/sources.list 2>/dev/null || true)
		[ -n "$mirror" ] || die "no Debian mirror found in apt's configuration"
		msg "adding $BASE_SUITE from $mirror"
		printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
			"$mirror" "$BASE_SUITE" | $SUDO tee "$src" >/dev/null
		printf 'Package: *\nPin: release n=%s\nPin-Priority: 50\n' \
			"$BASE_SUITE" | $SUDO tee "/etc/apt/preferences.d/$BASE_SUITE.pref" >/dev/null
		apt_updated=0
	fi
	apt_update
	msg "installing $BASE_PKG=$BASE_VERSION from $BASE_SUITE"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		"$BASE_PKG=$BASE_VERSION" >/dev/null 2>&1 ||
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		"$BASE_PKG/$BASE_SUITE" >/dev/null
	have_ver=$(dpkg-query -W -f='${Version}' "$BASE_PKG")
fi

if [ "$have_ver" != "$BASE_VERSION" ]; then
	msg "WARNING: $BASE_PKG $have_ver is installed, the series is pinned to $BASE_VERSION;"
	msg "WARNING: the tree will be made from it and the series applied with 'git am -3'."
fi
exit 0
