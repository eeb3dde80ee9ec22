package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/yomu-reader/yomu/subs"
	_ "modernc.org/sqlite" // newsboat's cache, counted
)

const header = "| run | scenario | tool | step | wall s | CPU s (user+sys) | of it sys s | peak RSS MB | requests | 304s | saved | check |\n|---|---|---|---|---|---|---|---|---|---|---|---|"

// row is one measured step.
type row struct {
	run                  int
	scenario, tool, step string
	m                    measured
	requests, notMod     int64
	saved                int
	check                string
}

func (r row) String() string {
	return fmt.Sprintf("| %d | %s | %s | %s | %.2f | %.2f | %.2f | %.0f | %d | %d | %d | %s |", r.run, r.scenario, r.tool, r.step,
		r.m.Wall.Seconds(), (r.m.User + r.m.Sys).Seconds(), r.m.Sys.Seconds(), r.m.MaxRSSMB, r.requests, r.notMod, r.saved, r.check)
}

// shape is what one scenario serves.
type shape struct {
	hosts        []string
	feeds, items int
	latency      time.Duration
}

func shapeOf(c config, name string) (shape, error) {
	switch name {
	case "hosts":
		var hs []string
		for h := range c.hosts {
			hs = append(hs, fmt.Sprintf("127.0.0.%d", 2+h))
		}
		return shape{hs, c.feeds, c.items, c.latency}, nil
	case "onehost":
		return shape{[]string{"127.0.0.1"}, c.oneFeeds, c.oneItem, 0}, nil
	}
	return shape{}, fmt.Errorf("unknown scenario %q (hosts, onehost)", name)
}

// scenario serves one shape and measures yomu, then newsboat, on it.
func scenario(c config, name string, run int) ([]row, error) {
	sh, err := shapeOf(c, name)
	if err != nil {
		return nil, err
	}
	srv, err := startServer(sh.hosts, sh.items, sh.latency)
	if err != nil {
		return nil, err
	}
	defer srv.close()
	urls := make([]string, sh.feeds)
	for i := range urls {
		urls[i] = srv.url(i)
	}
	// Removed with c.work at the end: see the package comment.
	base := filepath.Join(c.work, fmt.Sprintf("%s-%d", name, run))
	var rows []row
	bins := strings.Split(c.yomu, ",")
	for i, bin := range bins {
		tool := "yomu"
		if len(bins) > 1 {
			tool = fmt.Sprintf("yomu %s", filepath.Base(bin))
		}
		ys, err := measureYomu(c, srv, sh, urls, filepath.Join(base, fmt.Sprintf("yomu-%d", i)), tool, bin)
		ys = label(ys, run, name)
		emit(c, ys)
		rows = append(rows, ys...)
		if err != nil {
			return rows, err
		}
	}
	if c.newsboat == "" {
		return rows, nil
	}
	for _, threads := range []int{1, 64} {
		nb, err := measureNewsboat(c, srv, sh, urls, filepath.Join(base, fmt.Sprintf("newsboat-%d", threads)), threads)
		nb = label(nb, run, name)
		emit(c, nb)
		rows = append(rows, nb...)
		if err != nil {
			return rows, err
		}
	}
	return rows, nil
}

// emit prints rows as soon as they are measured (a newsboat run of 1,000
// slow feeds takes minutes).
func emit(c config, rows []row) {
	if c.out == nil {
		return
	}
	for _, r := range rows {
		fmt.Fprintln(c.out, r.String())
	}
}

func label(rows []row, run int, name string) []row {
	for i := range rows {
		rows[i].run, rows[i].scenario = run, name
	}
	return rows
}

// step runs one child and fills in the server's counts around it.
func step(srv *server, tool, name string, env []string, bin string, args ...string) (row, error) {
	r0, n0 := srv.counts()
	m, err := runChild(env, bin, args...)
	r1, n1 := srv.counts()
	return row{tool: tool, step: name, m: m, requests: r1 - r0, notMod: n1 - n0}, err
}

func measureYomu(c config, srv *server, sh shape, urls []string, dir, tool, bin string) ([]row, error) {
	archive, index := filepath.Join(dir, "archive"), filepath.Join(dir, "index")
	l := &subs.List{}
	for i, u := range urls {
		if err := l.Add(subs.Sub{URL: u, Name: fmt.Sprintf("Feed %04d", i), Title: fmt.Sprintf("Feed %d", i)}); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(archive, 0o755); err != nil {
		return nil, err
	}
	if err := l.Save(archive); err != nil {
		return nil, err
	}
	want := sh.feeds * sh.items
	first, err := step(srv, tool, "first fetch + index", profileEnv(c, sh, tool, "first"), bin, "fetch", "--dir", archive, "--index", index)
	if err != nil {
		return nil, err
	}
	first.saved = countFiles(filepath.Join(archive, "feeds"))
	first.check = checkYomu(bin, first, archive, index, want)
	second, err := step(srv, tool, "second fetch (--force, all 304)", profileEnv(c, sh, tool, "second"), bin, "fetch", "--dir", archive, "--index", index, "--force")
	if err != nil {
		return nil, err
	}
	second.saved = countFiles(filepath.Join(archive, "feeds")) - first.saved
	second.check = "ok"
	if second.m.Exit != 0 || second.notMod != int64(sh.feeds) {
		second.check = fmt.Sprintf("exit %d, %d of %d feeds 304: %s", second.m.Exit, second.notMod, sh.feeds, oneLine(second.m.Stderr))
	}
	return []row{first, second}, nil
}

// profileEnv asks yomu for a CPU profile of the step when -cpuprofile is set.
func profileEnv(c config, sh shape, tool, name string) []string {
	if c.profile == "" {
		return nil
	}
	tool = strings.ReplaceAll(tool, " ", "-")
	return []string{"YOMU_CPUPROFILE=" + filepath.Join(c.profile, fmt.Sprintf("%s-%dfeeds-%s.prof", tool, sh.feeds, name))}
}

func checkYomu(bin string, r row, archive, index string, want int) string {
	if r.m.Exit != 0 {
		return fmt.Sprintf("exit %d: %s", r.m.Exit, oneLine(r.m.Stderr))
	}
	if r.saved != want {
		return fmt.Sprintf("%d files, want %d", r.saved, want)
	}
	out, err := exec.Command(bin, "stats", "--dir", archive, "--index", index, "--json", "--no-update").Output()
	if err != nil {
		out, err = exec.Command(bin, "stats", "--dir", archive, "--index", index, "--json").Output()
	}
	var st struct{ Articles int }
	if err != nil || json.Unmarshal(out, &st) != nil {
		return fmt.Sprintf("yomu stats: %v", err)
	}
	if st.Articles != want {
		return fmt.Sprintf("index holds %d articles, want %d", st.Articles, want)
	}
	return fmt.Sprintf("ok: %d files, %d indexed", r.saved, st.Articles)
}

// countFiles counts the item files under dir, leaving out the state.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error { //nolint:errcheck // a count
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == ".state" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			n++
		}
		return nil
	})
	return n
}

// measureNewsboat reloads the same feeds with newsboat twice: `newsboat -x
// reload` with its own cache, HOME in the work folder, and reload-threads
// set (1 is newsboat's default).
func measureNewsboat(c config, srv *server, sh shape, urls []string, dir string, threads int) ([]row, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	urlFile, conf, cache := filepath.Join(dir, "urls"), filepath.Join(dir, "config"), filepath.Join(dir, "cache.db")
	if err := os.WriteFile(urlFile, []byte(strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(conf, []byte(fmt.Sprintf("reload-threads %d\n", threads)), 0o644); err != nil {
		return nil, err
	}
	env := []string{"HOME=" + dir, "XDG_CONFIG_HOME=" + dir, "XDG_DATA_HOME=" + dir, "XDG_CACHE_HOME=" + dir, "LANG=C.UTF-8"}
	tool := fmt.Sprintf("newsboat (reload-threads %d)", threads)
	var rows []row
	for _, name := range []string{"first reload", "second reload (all 304)"} {
		r, err := step(srv, tool, name, env, c.newsboat, "-x", "reload", "-u", urlFile, "-c", cache, "-C", conf)
		if err != nil {
			return rows, err
		}
		r.saved = countNewsboat(cache)
		r.check = "ok"
		if r.m.Exit != 0 {
			r.check = fmt.Sprintf("exit %d: %s", r.m.Exit, oneLine(r.m.Stderr))
		} else if r.saved != sh.feeds*sh.items {
			r.check = fmt.Sprintf("%d items in its cache, want %d", r.saved, sh.feeds*sh.items)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

func countNewsboat(cache string) int {
	db, err := sql.Open("sqlite", cache+"?mode=ro")
	if err != nil {
		return -1
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM rss_item").Scan(&n); err != nil {
		return -1
	}
	return n
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
