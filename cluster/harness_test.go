package cluster

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tests run against a real Weaviate cluster. TestMain builds the
// server once (the module proxy is the network CI has; the binary is kept
// in the user cache folder), then runs the tests again inside a network
// namespace of their own whose only interface is loopback (netns_linux_test.go):
// Weaviate 1.35.2 binds gRPC and its cluster data port on every address,
// and no test server may listen beyond loopback.

// serverVersion is the Weaviate the tests build and run.
const serverVersion = "v1.35.2"

// serverEnv names a prebuilt weaviate-server; childEnv marks the run
// inside the namespace; skipEnv says why the cluster tests cannot run.
const (
	serverEnv = "YOMU_WEAVIATE_SERVER"
	childEnv  = "YOMU_CLUSTER_NETNS"
	skipEnv   = "YOMU_CLUSTER_SKIP"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" || os.Getenv(skipEnv) != "" {
		os.Exit(m.Run())
	}
	server, err := serverBinary()
	if err != nil {
		os.Setenv(skipEnv, err.Error())
		os.Exit(m.Run())
	}
	os.Setenv(serverEnv, server)
	code, err := runInNetns()
	if err != nil {
		os.Setenv(skipEnv, "no network namespace for the cluster: "+err.Error())
		os.Exit(m.Run())
	}
	os.Exit(code)
}

// serverBinary returns a weaviate-server of serverVersion, building it into
// the user cache folder the first time (about 9 minutes on 2 cores).
func serverBinary() (string, error) {
	if p := os.Getenv(serverEnv); p != "" {
		return p, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, "yomu-test", "weaviate-"+serverVersion)
	bin := filepath.Join(dir, "weaviate-server")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	fmt.Fprintf(os.Stderr, "cluster: building weaviate-server %s into %s (once; about 9 minutes)\n", serverVersion, dir)
	cmd := exec.Command("go", "install", "github.com/weaviate/weaviate/cmd/weaviate-server@"+serverVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+dir)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build weaviate-server %s: %w", serverVersion, err)
	}
	return bin, nil
}

// skipWithoutCluster skips when TestMain found no way to run a cluster;
// the message says why.
func skipWithoutCluster(t *testing.T) {
	t.Helper()
	if why := os.Getenv(skipEnv); why != "" {
		t.Skip("cluster tests need a weaviate-server and a private network namespace: " + why)
	}
}

// node is one Weaviate process of a test cluster.
type node struct {
	i    int
	cmd  *exec.Cmd
	done chan struct{}
}

// testCluster is n nodes on 127.0.0.1 of the namespace.
type testCluster struct {
	dir   string
	n     int
	nodes []*node
}

func httpPort(i int) int { return 18080 + i }

// URL is the address of node i.
func (c *testCluster) URL(i int) string { return fmt.Sprintf("http://127.0.0.1:%d", httpPort(i)) }

// startCluster starts n nodes and waits until each is ready.
func startCluster(t *testing.T, n int) *testCluster {
	t.Helper()
	skipWithoutCluster(t)
	c := &testCluster{dir: t.TempDir(), n: n, nodes: make([]*node, n)}
	t.Cleanup(c.stop)
	start := time.Now()
	for i := range n {
		c.startNode(t, i)
		if i == 0 {
			// The others join through node-0's gossip port: one started
			// before it listens gives up and exits.
			waitPort(t, "127.0.0.1:17100", c.nodes[0])
		}
	}
	for i := range n {
		c.waitReady(t, i)
	}
	t.Logf("%d-node cluster ready in %.1f s", n, time.Since(start).Seconds())
	return c
}

func (c *testCluster) startNode(t *testing.T, i int) {
	t.Helper()
	var join []string
	for j := range c.n {
		join = append(join, fmt.Sprintf("node-%d:%d", j, 18300+2*j))
	}
	env := []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + c.dir,
		fmt.Sprintf("PERSISTENCE_DATA_PATH=%s/data-%d", c.dir, i),
		"AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=true", "DEFAULT_VECTORIZER_MODULE=none",
		"DISABLE_TELEMETRY=true", "GO_PROFILING_DISABLE=true", "QUERY_MAXIMUM_RESULTS=100000",
		fmt.Sprintf("CLUSTER_HOSTNAME=node-%d", i), "CLUSTER_IN_LOCALHOST=true",
		"CLUSTER_BIND_ADDR=127.0.0.1", "CLUSTER_ADVERTISE_ADDR=127.0.0.1",
		fmt.Sprintf("CLUSTER_GOSSIP_BIND_PORT=%d", 17100+2*i), fmt.Sprintf("CLUSTER_DATA_BIND_PORT=%d", 17101+2*i),
		fmt.Sprintf("RAFT_PORT=%d", 18300+2*i), fmt.Sprintf("RAFT_INTERNAL_RPC_PORT=%d", 18301+2*i),
		"RAFT_JOIN=" + strings.Join(join, ","), fmt.Sprintf("RAFT_BOOTSTRAP_EXPECT=%d", c.n),
		fmt.Sprintf("GRPC_PORT=%d", 15051+i), "LOG_LEVEL=warning",
	}
	if i > 0 {
		env = append(env, "CLUSTER_JOIN=localhost:17100")
	}
	log, err := os.OpenFile(filepath.Join(c.dir, fmt.Sprintf("node-%d.log", i)), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Getenv(serverEnv), "--scheme", "http", "--host", "127.0.0.1", "--port", fmt.Sprint(httpPort(i)))
	cmd.Env, cmd.Stdout, cmd.Stderr = env, log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start weaviate node %d: %v", i, err)
	}
	nd := &node{i: i, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); log.Close(); close(nd.done) }() //nolint:errcheck // a killed node exits with an error
	c.nodes[i] = nd
}

func waitPort(t *testing.T, addr string, nd *node) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		select {
		case <-nd.done:
			t.Fatalf("weaviate node %d exited before it listened on %s", nd.i, addr)
		default:
		}
		if conn, err := net.Dial("tcp", addr); err == nil {
			conn.Close()
			return
		}
	}
	t.Fatalf("weaviate node %d: nothing listens on %s after 60 s", nd.i, addr)
}

func (c *testCluster) waitReady(t *testing.T, i int) {
	t.Helper()
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		select {
		case <-c.nodes[i].done:
			log, _ := os.ReadFile(filepath.Join(c.dir, fmt.Sprintf("node-%d.log", i)))
			t.Fatalf("weaviate node %d exited: %s", i, tail(string(log), 800))
		default:
		}
		resp, err := http.Get(c.URL(i) + "/v1/.well-known/ready")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
	}
	t.Fatalf("weaviate node %d not ready after 90 s", i)
}

// kill stops node i at once, as a crash would.
func (c *testCluster) kill(i int) {
	nd := c.nodes[i]
	nd.cmd.Process.Kill() //nolint:errcheck // it may be gone
	<-nd.done
}

// restart starts node i again on its data.
func (c *testCluster) restart(t *testing.T, i int) {
	c.startNode(t, i)
	c.waitReady(t, i)
}

func (c *testCluster) stop() {
	for _, nd := range c.nodes {
		if nd != nil {
			nd.cmd.Process.Signal(os.Interrupt) //nolint:errcheck // it may be gone
		}
	}
	for _, nd := range c.nodes {
		if nd == nil {
			continue
		}
		select {
		case <-nd.done:
		case <-time.After(20 * time.Second):
			c.kill(nd.i)
		}
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// openBackend opens (and, the first time, creates) the collection the URL
// names on a test cluster.
func openBackend(t *testing.T, url string) *Backend {
	t.Helper()
	b, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
