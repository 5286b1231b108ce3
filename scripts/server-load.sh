#!/usr/bin/env bash
# Repeatable load run of the KetaPath server over loopback (see docs/benchmarks.md, "Server load").
# Starts the packaged server with --demo in a fresh temporary data directory on a free loopback
# port, measures memory at rest, runs the load client (no-op, read, durable write in one run),
# samples the server's memory under load, then stops the server and removes the directory.
# Usage: scripts/server-load.sh [threads=16] [seconds-per-phase=15]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-16}
SECONDS_PER_PHASE=${2:-15}
JAR=ketapath-server/target/ketapath-server.jar
[ -f "$JAR" ] || mvn -q -pl ketapath-server -am package -DskipTests
DIR=$(mktemp -d /tmp/ketapath-load-XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
java ${SERVER_JAVA_OPTS:--Xmx512m} -jar "$JAR" serve --demo --port "$PORT" --data-dir "$DIR/pg" > "$DIR/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 0.5
done
rss() { # server JVM + its PostgreSQL processes, in MB
  local jvm pg
  jvm=$(ps -o rss= -p "$SERVER" | tr -d ' ')
  local pm; pm=$(head -1 "$DIR/pg/postmaster.pid")
  # Proportional set size: shared buffers are counted once across the postmaster and its backends.
  pg=$( (echo "$pm"; ps -o pid= --ppid "$pm") | while read -r p; do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{s+=$1} END {print s+0}')
  echo "JVM RSS $((jvm / 1024)) MB, PostgreSQL (postmaster + backends, PSS) $((pg / 1024)) MB"
}
heap() {
  curl -s -u admin:admin-demo-pass "http://127.0.0.1:$PORT/actuator/metrics/jvm.memory.used?tag=area:heap" |
    python3 -c 'import json,sys; print("JVM heap used %.0f MB" % (json.load(sys.stdin)["measurements"][0]["value"]/1048576))'
}
sleep 5
echo "memory at rest: $(rss); $(heap)"
( peak=0; while kill -0 "$SERVER" 2>/dev/null; do r=$(ps -o rss= -p "$SERVER" | tr -d ' '); [ "${r:-0}" -gt "$peak" ] && peak=$r && echo "$peak" > "$DIR/peak"; sleep 0.5; done ) &
SAMPLER=$!
cpu() { awk '/^cpu / {print $2+$3+$4+$5+$6+$7+$8+$9, $9}' /proc/stat; }
proc_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime, clock ticks
read -r T0 S0 < <(cpu)
C0=$(proc_cpu "$SERVER")
/usr/bin/env time -f "%U %S" -o "$DIR/client.time" \
  java ketapath-server/src/test/java/org/ketapath/server/bench/LoadClient.java "http://127.0.0.1:$PORT" "$THREADS" "$SECONDS_PER_PHASE"
C1=$(proc_cpu "$SERVER")
read -r T1 S1 < <(cpu)
HZ=$(getconf CLK_TCK)
echo "CPU used during the run: server JVM $(( (C1 - C0) / HZ )) s, load client $(awk '{printf "%d", $1 + $2}' "$DIR/client.time") s (PostgreSQL and the rest: the remainder of $(( (T1 - T0) / HZ )) s of machine time)"
echo "CPU steal during the run (time the hypervisor gave to others): $(( 100 * (S1 - S0) / (T1 - T0) ))%"
echo "memory right after load: $(rss); $(heap); peak JVM RSS under load $(( $(cat "$DIR/peak") / 1024 )) MB"
kill "$SAMPLER" 2>/dev/null || true
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
