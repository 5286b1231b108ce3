#!/usr/bin/env bash
# Builds ketapath-bench/target/benchmarks.jar and runs the clinical-core benchmarks with modest
# settings (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement), writing JMH's JSON results and a
# Markdown table of ratios to the in-run baselines.
#
#   ketapath-bench/run.sh                      # all benchmarks
#   ketapath-bench/run.sh 'medd.*'             # a subset (any further JMH options are passed on)
#   RESULTS=/tmp/r.json ketapath-bench/run.sh  # results elsewhere
#   MVN_FLAGS=-o ketapath-bench/run.sh         # build offline
#   JMH_OPTS='-f 1 -wi 5 -i 5 -w 2s -r 2s' ketapath-bench/run.sh   # other settings
#
# Benchmarks report numbers; they never fail a build. On a shared machine, note the load average
# printed first: other processes on the same cores inflate absolute times far more than ratios.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
results="${RESULTS:-$here/target/jmh-results.json}"

cd "$root"
# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} -pl ketapath-bench -am -DskipTests package 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
mkdir -p "$(dirname "$results")"

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
# shellcheck disable=SC2086
java -jar "$here/target/benchmarks.jar" ${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1s -r 1s} -rf json -rff "$results" "$@"
echo
echo "results: $results"
java -cp "$here/target/benchmarks.jar" org.ketapath.bench.Ratios "$results" | tee "${results%.json}.md"
