#!/usr/bin/env bash
# Builds the Debian package from the shaded jar: a jlinked runtime, then jpackage --type deb.
# Called by `mvn -Pinstaller package` (see pom.xml); can be run by hand after `mvn package`:
#   installer/linux/build-deb.sh target/scanstation.jar 0.1.0 target/installer
set -euo pipefail

jar=${1:?usage: build-deb.sh JAR VERSION OUTDIR}
version=${2:?version}
out=${3:?output folder}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
bin="$java_home/bin"
for tool in jdeps jlink jpackage; do
  [ -x "$bin/$tool" ] || { echo "build-deb: $bin/$tool not found (needs a full JDK 17 with jmods)" >&2; exit 1; }
done
command -v fakeroot >/dev/null || { echo "build-deb: fakeroot is missing (apt-get install fakeroot)" >&2; exit 1; }

work="$out/work"
rm -rf "$work" "$out"/scanstation_*.deb
mkdir -p "$work/input"

# Modules the classes use, plus what they reach by reflection or service lookup (jdeps cannot see these):
# java.desktop (AWT imaging, JavaFX's Swing interop), java.logging (logs), jdk.crypto.ec (TLS to the EDMS),
# jdk.unsupported (JavaFX and JNA use sun.misc.Unsafe), jdk.unsupported.desktop (JavaFX's Swing interop), java.scripting + jdk.xml.dom + jdk.jsobject (JavaFX
# on the class path probes them), jdk.charsets, jdk.localedata (en_GB dates), jdk.zipfs.
detected=$("$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
extra="java.desktop,java.logging,java.naming,java.net.http,jdk.crypto.ec,jdk.unsupported,jdk.unsupported.desktop,java.scripting,jdk.xml.dom,jdk.jsobject,jdk.charsets,jdk.localedata,jdk.zipfs,java.management"
modules=$(echo "$detected,$extra" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "build-deb: runtime modules: $modules"
SECONDS=0

"$bin/jlink" --add-modules "$modules" --include-locales en,en-GB --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$work/runtime"

echo "build-deb: runtime built in ${SECONDS} s"
cp "$jar" "$work/input/scanstation.jar"
cp "$here/app/scanstation.sh" "$work/input/scanstation.sh"
cp "$root/installer/config/station.json" "$work/input/station.example.json"

# dpkg-deb's default xz -6 takes ~3 minutes on 2 busy cores for a 3% smaller package; gzip takes ~12 s
export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip}
"$bin/jpackage" --type deb --dest "$out" \
  --name scanstation --app-version "$version" \
  --description "Scanning station for hospital health records" \
  --vendor "ScanStation" --copyright "ScanStation" \
  --input "$work/input" --main-jar scanstation.jar --main-class org.scanstation.Launcher \
  --runtime-image "$work/runtime" \
  --install-dir /opt \
  --resource-dir "$here/resources" \
  --java-options "-XX:MaxRAMPercentage=50 -Dfile.encoding=UTF-8 -Dscanstation.installed=deb" \
  --linux-package-name scanstation \
  --linux-deb-maintainer "it-support@scanstation.invalid" \
  --linux-app-category graphics \
  --linux-package-deps "tesseract-ocr, tesseract-ocr-eng, libgtk-3-0" \
  --temp "$work/jpackage"
echo "build-deb: runtime + package in ${SECONDS} s"
ls -l "$out"/scanstation_*.deb
