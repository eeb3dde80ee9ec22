package web

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
)

// TestProxyFromEnvironment: with HTTP_PROXY set, a Get to a named host
// goes through the proxy and one to loopback does not. It runs in a child
// process, since net/http reads the environment once per process.
func TestProxyFromEnvironment(t *testing.T) {
	var proxied atomic.Int32
	var proxiedHost atomic.Value
	proxy := serve(t, func(w http.ResponseWriter, r *http.Request) {
		proxied.Add(1)
		proxiedHost.Store(r.Host)
		w.Write([]byte("via proxy")) //nolint:errcheck // the child reads the answer
	})
	direct := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("direct")) //nolint:errcheck // the child reads the answer
	})
	cmd := exec.Command(os.Args[0], "-test.run=^TestProxyChild$", "-test.v")
	cmd.Env = append(cleanProxyEnv(), "HTTP_PROXY="+proxy.URL, "YOMU_WEB_PROXY_CHILD="+direct.URL)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestProxyChild") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if n, h := proxied.Load(), proxiedHost.Load(); n != 1 || h != "feeds.example" {
		t.Errorf("the proxy saw %d requests (host %v), want 1 for feeds.example", n, h)
	}
}

// TestProxyChild is TestProxyFromEnvironment's child.
func TestProxyChild(t *testing.T) {
	direct := os.Getenv("YOMU_WEB_PROXY_CHILD")
	if direct == "" {
		t.Skip("run by TestProxyFromEnvironment")
	}
	c := New(Options{})
	for url, want := range map[string]string{direct: "direct", "http://feeds.example/feed": "via proxy"} {
		resp, err := c.Get(context.Background(), Request{URL: url})
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Body) != want {
			t.Errorf("%s: %q, want %q", url, resp.Body, want)
		}
	}
}

// cleanProxyEnv is the environment without any proxy setting.
func cleanProxyEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(name) {
		case "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "REQUEST_METHOD":
			continue
		}
		env = append(env, kv)
	}
	return env
}
