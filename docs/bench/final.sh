#!/usr/bin/env bash
# Interleaved 100k yomubench runs: old (session-8 base, 85f7fc7) and new (main HEAD).
# Usage: final.sh PAIRS. Both work dirs share one generated archive.
set -euo pipefail
pairs=${1:-2}
W=/work/benchwork
mkdir -p $W/old $W/new $W/shared/archive
cd /work/main && go build -o /tmp/yomu-new . && go build -o /tmp/yomubench-new ./cmd/yomubench
[ -e $W/old/archive ] || ln -s $W/shared/archive $W/old/archive
[ -e $W/new/archive ] || ln -s $W/shared/archive $W/new/archive
for i in $(seq 1 $pairs); do
  for v in old new; do
    if [ $v = old ]; then b=/tmp/yomubench-s8base; y=/tmp/yomu-s8base; else b=/tmp/yomubench-new; y=/tmp/yomu-new; fi
    echo "### run $i $v $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    (cd /work/main && $b -n 100000 -work $W/$v -yomu $y -corpus /work/shared/corpus) 2>&1
  done
done
