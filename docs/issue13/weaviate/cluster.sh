#!/usr/bin/env bash
# cluster.sh — start N Weaviate nodes on loopback only (groundwork for issue 13, part 2).
#
#   GOBIN=/work/tools go install github.com/weaviate/weaviate/cmd/weaviate-server@v1.35.2
#   bash docs/issue13/weaviate/cluster.sh start 3 /tmp/wv    # nodes answer on 127.0.0.1:18080..
#   bash docs/issue13/weaviate/cluster.sh stop /tmp/wv
#
# Every port binds 127.0.0.1 (CLUSTER_IN_LOCALHOST, CLUSTER_BIND_ADDR and
# CLUSTER_ADVERTISE_ADDR: without them the Raft RPC took the VM's IPv6 address
# unbracketed and the node died), and --host; telemetry is off.
set -euo pipefail
server=${WEAVIATE_SERVER:-/work/tools/weaviate-server}
cmd=${1:?usage: cluster.sh start N DIR | stop DIR}

if [ "$cmd" = stop ]; then
	dir=${2:?usage: cluster.sh stop DIR}
	for f in "$dir"/node-*.pid; do
		[ -e "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
	done
	# A node leaves the cluster gracefully before it exits: wait for that,
	# or its ports are still taken by the next start.
	for f in "$dir"/node-*.pid; do
		[ -e "$f" ] || continue
		pid=$(cat "$f")
		for _ in $(seq 300); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$pid" 2>/dev/null || true
		rm -f "$f"
	done
	exit 0
fi

n=${2:?usage: cluster.sh start N DIR}
dir=${3:?usage: cluster.sh start N DIR}
mkdir -p "$dir"
join=""
for ((i = 0; i < n; i++)); do
	join="${join:+$join,}node-$i:$((18300 + 2 * i))"
done
start=$(date +%s.%N)
for ((i = 0; i < n; i++)); do
	env -i PATH="$PATH" HOME="$dir" \
		PERSISTENCE_DATA_PATH="$dir/data-$i" \
		AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=true \
		DEFAULT_VECTORIZER_MODULE=none \
		DISABLE_TELEMETRY=true \
		GO_PROFILING_DISABLE=true \
		QUERY_MAXIMUM_RESULTS=100000 \
		CLUSTER_HOSTNAME="node-$i" \
		CLUSTER_IN_LOCALHOST=true \
		CLUSTER_BIND_ADDR=127.0.0.1 \
		CLUSTER_ADVERTISE_ADDR=127.0.0.1 \
		CLUSTER_GOSSIP_BIND_PORT=$((17100 + 2 * i)) \
		CLUSTER_DATA_BIND_PORT=$((17101 + 2 * i)) \
		CLUSTER_JOIN=$([ "$i" -gt 0 ] && echo "localhost:17100" || true) \
		RAFT_PORT=$((18300 + 2 * i)) \
		RAFT_INTERNAL_RPC_PORT=$((18301 + 2 * i)) \
		RAFT_JOIN="$join" \
		RAFT_BOOTSTRAP_EXPECT="$n" \
		GRPC_PORT=$((15051 + i)) \
		"$server" --scheme http --host 127.0.0.1 --port $((18080 + i)) \
		>"$dir/node-$i.log" 2>&1 &
	echo $! >"$dir/node-$i.pid"
	# The others join through node-0's gossip port: one started before it
	# listens gives up ("connection refused") and exits.
	if [ "$i" = 0 ]; then
		until (exec 3<>/dev/tcp/127.0.0.1/17100) 2>/dev/null; do
			kill -0 "$(cat "$dir/node-0.pid")" || { tail -3 "$dir/node-0.log" >&2; exit 1; }
			sleep 0.1
		done
	fi
done
for ((i = 0; i < n; i++)); do
	until curl -sf "http://127.0.0.1:$((18080 + i))/v1/.well-known/ready" >/dev/null; do
		kill -0 "$(cat "$dir/node-$i.pid")" || { tail -3 "$dir/node-$i.log" >&2; exit 1; }
		sleep 0.1
	done
done
echo "$n nodes ready after $(echo "$(date +%s.%N) - $start" | bc) s"
curl -s "http://127.0.0.1:18080/v1/nodes" | python3 -c 'import json,sys; print("nodes:", [ (n["name"], n["status"]) for n in json.load(sys.stdin)["nodes"] ])'
