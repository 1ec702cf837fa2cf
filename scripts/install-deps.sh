#!/usr/bin/env bash
# Installs the system packages ScanStation needs on Debian/Ubuntu (run as root or with sudo).
#   scripts/install-deps.sh          what the station needs to run
#   scripts/install-deps.sh --test   plus what the test suite needs (saned, PDF tools, Xvfb, peers, TWAIN fixture build)
set -euo pipefail

runtime=(openjdk-17-jdk-headless maven tesseract-ocr tesseract-ocr-eng fonts-dejavu-core libgtk-3-0 curl)
testing=(python3 sane-utils libsane1 poppler-utils zbar-tools xvfb x11-utils imagemagick fakeroot ocrmypdf img2pdf procps xdotool
         libopenjp2-tools ghostscript)
# the TWAIN test fixture (../shared/third-party/twain: the TWAIN DSM and the sample data source), built by the tests
testing+=(cmake g++ make qtbase5-dev qt5-qmake libfreeimage-dev)

want=("${runtime[@]}")
if [ "${1:-}" = "--test" ]; then
  want+=("${testing[@]}")
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages: all present."
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "Installing: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
