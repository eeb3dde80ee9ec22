#!/usr/bin/env bash
# compare.sh — yomu against the desktop search engines a user would pick
# instead (Recoll, Xapian's omindex/quest) and rg -l, on one archive, in one
# run: cold index, refresh with nothing changed, index size, and each query
# as a whole process (median of 7 with hyperfine, peak RSS with GNU time).
#
#   apt-get install recoll xapian-omega xapian-tools hyperfine ripgrep time
#   go build -o /tmp/yomu . && bash cmd/yomubench/compare.sh ARCHIVE WORK /tmp/yomu
#
# ARCHIVE is a yomubench archive (go run ./cmd/yomubench -n 100000 -work DIR
# makes DIR/archive); WORK receives the three indexes. Prints a markdown
# report on stdout (BENCHMARKS.md keeps it).
set -euo pipefail
export LC_ALL=C.UTF-8

archive=${1:?usage: compare.sh ARCHIVE WORK YOMU}
work=${2:?usage: compare.sh ARCHIVE WORK YOMU}
yomu=${3:?usage: compare.sh ARCHIVE WORK YOMU}
for tool in recollindex recollq omindex quest hyperfine rg /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "compare.sh: $tool is missing (see the header)" >&2; exit 1; }
done
mkdir -p "$work"
work=$(cd "$work" && pwd)
archive=$(cd "$archive" && pwd)

# The queries of the issue's table: 1–3 character zh/ja/ko, en, sv, vi,
# AND, a phrase, a rare word.
queries=(中 的 港 美国 亚马逊 東京 서울 government regeringen "thoa thuan" "cloud outage" '"cloud outage"' quokka)

export XAPIAN_CJK_NGRAM=1 # omindex and quest split CJK into n-grams (else a run of Han is one word)
rconf=$work/recoll
xdb=$work/xapian
yidx=$work/yomu-index
rm -rf "$rconf" "$xdb" "$yidx"
mkdir -p "$rconf"
cat >"$rconf/recoll.conf" <<EOF
topdirs = $archive
dbdir = $rconf/xapiandb
idxflushmb = 50
loglevel = 1
EOF

# timed CMD…: wall seconds, CPU seconds and peak RSS (MB) of one run.
timed() {
	/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
		local rc=$?
		# grep-like tools exit 1 when nothing matches
		[ "$rc" = 1 ] || { cat "$work/stderr.txt" >&2; return "$rc"; }
	}
	# the last line: GNU time puts "Command exited with non-zero status" before it
	tail -1 "$work/time.txt" | awk '{printf "%.1f s, %.1f CPU-s, %.0f MB", $1, $2 + $3, $4 / 1024}'
}

size_mb() { du -sm --apparent-size "$1" | awk '{print $1}'; }
archive_mb=$(size_mb "$archive")
files=$(find "$archive" -type f | wc -l)

echo "# yomu, Recoll, Xapian and rg on $files files ($archive_mb MB), $(date -u '+%Y-%m-%d %H:%M') UTC"
echo
echo "machine: $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg); recoll $(dpkg-query -W -f '${Version}' recoll 2>/dev/null || echo '?'); omindex $(omindex --version | awk '{print $NF}'); $(rg --version | head -1)"
echo
echo "| | yomu | Recoll | Xapian (omindex) |"
echo "|---|---|---|---|"
y=$(timed "$yomu" index --dir "$archive" --index "$yidx")
r=$(timed recollindex -c "$rconf")
x=$(timed omindex --db "$xdb" --url / --mime-type=md:text/plain --mime-type=markdown:text/plain \
	--mime-type=json:text/plain --mime-type=text:text/plain "$archive")
echo "| cold index | $y | $r | $x |"
y=$(timed "$yomu" index --dir "$archive" --index "$yidx")
r=$(timed recollindex -c "$rconf")
x=$(timed omindex --db "$xdb" --url / --mime-type=md:text/plain --mime-type=markdown:text/plain \
	--mime-type=json:text/plain --mime-type=text:text/plain "$archive")
echo "| refresh, nothing changed | $y | $r | $x |"
ys=$(size_mb "$yidx")
rs=$(size_mb "$rconf/xapiandb")
xs=$(size_mb "$xdb")
awk -v a="$archive_mb" -v y="$ys" -v r="$rs" -v x="$xs" 'BEGIN {
	printf "| index size | %d MB = %.2f× | %d MB = %.2f× | %d MB = %.2f× |\n", y, y / a, r, r / a, x, x / a }'
echo
echo "Each query as a whole process, top 50: median of 7 (hyperfine -N, 2 warm-ups), then peak RSS of one run."
echo
echo "| query | yomu search | yomu --no-update | recollq | quest | rg -l |"
echo "|---|---|---|---|---|---|"
median_ms() { # median_ms CMD…: hyperfine's median in ms (exit codes ignored: no match is fine)
	hyperfine -N -i -w 2 -r 7 --export-json "$work/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
	python3 -c 'import json,sys; print("%.0f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$work/h.json"
}
rss_mb() {
	/usr/bin/time -f "%M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
	tail -1 "$work/time.txt" | awk '{printf "%.0f", $1 / 1024}'
}
for q in "${queries[@]}"; do
	row="| \`$q\`"
	for cmd in "$yomu search --dir $archive --index $yidx --limit 50" \
		"$yomu search --no-update --dir $archive --index $yidx --limit 50" \
		"recollq -c $rconf -b -n 50" \
		"quest -d $xdb -m 50" \
		"rg -l --"; do
		read -r -a argv <<<"$cmd"
		if [ "${argv[0]}" = rg ]; then
			argv+=("$q" "$archive")
		else
			argv+=("$q")
		fi
		row="$row | $(median_ms "${argv[@]}") ms, $(rss_mb "${argv[@]}") MB"
	done
	echo "$row |"
done
