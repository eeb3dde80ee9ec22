#!/bin/bash
# ab.sh OLD NEW OUT: per benchmark query, both binaries in one hyperfine run (alternating), 30 runs each
old=$1; new=$2; out=$3; : > $out
qs=("中" "的" "港" "美国" "亚马逊" "東京" "서울" "government" "regeringen" "thoa thuan" "lang:zh 中国" "lang:en government" "lang:sv,vi after:2020-01-01 regeringen" "before:2018-01-01 美国" "lang:ja" "" "clo*" "gov*" "th*" "lang:sv reg*" "the gov*")
A="search --no-update --dir /work/bench/archive --index /tmp/s13/index --limit 50"
for q in "${qs[@]}"; do
  hyperfine -N -w 3 -r 30 --export-json /tmp/s13/ab.json "$old $A '$q'" "$new $A '$q'" >/dev/null 2>&1 || { echo "FAIL $q" >> $out; continue; }
  r=$(python3 -c "
import json;rs=json.load(open('/tmp/s13/ab.json'))['results']
print('\t'.join('%.1f\t%.1f' % (r['median']*1000, (r['user']+r['system'])*1000) for r in rs))")
  ro=$( { /usr/bin/time -f %M $old $A "$q" >/dev/null; } 2>&1 | tail -1); rn=$( { /usr/bin/time -f %M $new $A "$q" >/dev/null; } 2>&1 | tail -1)
  printf '%s\t%s\t%s\t%s\n' "${q:-(empty)}" "$r" "$ro" "$rn" >> $out
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)" >> $out
