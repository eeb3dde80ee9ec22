#!/bin/bash
# proc.sh BIN LABEL: p50 over 30 runs (hyperfine) and peak RSS of yomu search --no-update per benchmark query
bin=$1; label=$2; out=/tmp/s13/proc-$label.txt; : > $out
qs=("中" "的" "港" "美国" "亚马逊" "東京" "서울" "government" "regeringen" "thoa thuan" "lang:zh 中国" "lang:en government" "lang:sv,vi after:2020-01-01 regeringen" "before:2018-01-01 美国" "lang:ja" "" "clo*" "gov*" "th*" "lang:sv reg*" "the gov*")
for q in "${qs[@]}"; do
  hyperfine -N -w 3 -r ${RUNS:-30} --export-json /tmp/s13/h.json "$bin search --no-update --dir /work/bench/archive --index /tmp/s13/index --limit 50 '$q'" >/dev/null 2>&1 || { echo "FAIL $q" >> $out; continue; }
  med=$(python3 -c "import json;r=json.load(open('/tmp/s13/h.json'))['results'][0];print('%.1f %.1f' % (r['median']*1000, r['user']*1000+r['system']*1000))")
  rss=$( { /usr/bin/time -f %M $bin search --no-update --dir /work/bench/archive --index /tmp/s13/index --limit 50 "$q" >/dev/null; } 2>&1 | tail -1)
  printf '%s\t%s\t%s KB\n' "$q" "$med" "$rss" >> $out
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)" >> $out
cat $out
