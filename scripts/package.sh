#!/bin/sh
# Builds the Debian package build-package/stagegap_VERSION_ARCH.deb with Debian's own
# compiler and linker hardening flags, then checks it with lintian: any lintian error
# fails, warnings are printed. Installs what it needs first, as scripts/setup.sh does.
#
#   scripts/package.sh            then, as root:  apt-get install ./build-package/stagegap_*.deb
set -eu
cd "$(dirname "$0")/.."
build=build-package

# dpkg-buildflags comes with dpkg-dev, which setup installs.
scripts/setup.sh --package --no-build
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cflags="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
# Whoever builds the package for others names themselves, as Debian's tools ask.
maintainer=""
[ -n "${DEBEMAIL:-}" ] && maintainer="${DEBFULLNAME:-stagegap packager} <$DEBEMAIL>"
rm -f "$build"/stagegap_*.deb
scripts/setup.sh --package "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS="$cflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
    ${maintainer:+"-DSTAGEGAP_PACKAGE_MAINTAINER=$maintainer"}
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/stagegap_*.deb)
echo "package: $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends

# Lintian's errors fail the build; what it says besides is shown, for the record.
lintian --fail-on error --display-info "$deb"
echo "package: lintian found no errors"
