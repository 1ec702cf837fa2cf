#!/bin/sh
# /usr/bin/scanstation: the station's window with no arguments, the command line with a command.
# Tesseract runs one OpenMP thread per call: about 3x faster on small PCs (pages are analysed in parallel).
: "${OMP_THREAD_LIMIT:=1}"
export OMP_THREAD_LIMIT
exec /opt/scanstation/bin/scanstation "$@"
