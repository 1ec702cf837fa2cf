#!/bin/bash
# Starts a real saned with SANE's "test" backend, listening on the loopback address only.
#
#   start-saned.sh [PORT]          (default port 6566)
#
# Prints the PID of saned on stdout (stop it with: kill PID). Configuration goes to a private
# directory (SANE_CONFIG_DIR) so /etc/sane.d is left alone: dll.conf lists only "test" (no slow
# probing of real USB/network backends) and saned.conf allows only 127.0.0.1, localhost and ::1.
# Needs: sane-utils + libsane1 (Debian), root (saned drops to user "saned" when it exists).
# Log: $CONFIG_DIR/saned.log
set -eu

PORT="${1:-6566}"
CONFIG_DIR="${SANED_CONFIG_DIR:-${TMPDIR:-/tmp}/scanstation-saned-$PORT}"
SANED="$(command -v saned || echo /usr/sbin/saned)"

[ -x "$SANED" ] || { echo "saned not found: apt-get install -y sane-utils libsane1" >&2; exit 2; }

mkdir -p "$CONFIG_DIR"
chmod 755 "$CONFIG_DIR"
printf 'test\n' > "$CONFIG_DIR/dll.conf"
printf '127.0.0.1\nlocalhost\n::1\n' > "$CONFIG_DIR/saned.conf"
# the test backend's own settings (10 pages in the ADF is its default; stated here to be explicit)
if [ -f /etc/sane.d/test.conf ]; then cp /etc/sane.d/test.conf "$CONFIG_DIR/test.conf"; fi
chmod 644 "$CONFIG_DIR"/*.conf

USER_OPT=""
if [ "$(id -u)" = 0 ] && id saned >/dev/null 2>&1; then USER_OPT="-u saned"; fi

SANE_CONFIG_DIR="$CONFIG_DIR" nohup "$SANED" -l -e -b 127.0.0.1 -p "$PORT" $USER_OPT \
  > "$CONFIG_DIR/saned.log" 2>&1 < /dev/null &
PID=$!

# wait (up to 5 s) until it accepts connections on 127.0.0.1:PORT
i=0
while [ $i -lt 50 ]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "saned exited at start-up, see $CONFIG_DIR/saned.log:" >&2
    tail -5 "$CONFIG_DIR/saned.log" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "$PID"
    exit 0
  fi
  i=$((i + 1))
  sleep 0.1
done
echo "saned did not start listening on 127.0.0.1:$PORT, see $CONFIG_DIR/saned.log" >&2
kill "$PID" 2>/dev/null || true
exit 1
