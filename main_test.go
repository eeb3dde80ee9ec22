package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// runCLI runs one yomu command line in process against the sample archive
// with a private index, and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, index string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{}, args...)
	if index != "" {
		full = append(full, "--index", index)
	}
	code := run(context.Background(), full, &out, &errOut)
	return out.String(), errOut.String(), code
}

const sample = "examples/archive"

func TestExitCodes(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	cases := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"unknown flag is usage", []string{"list", "--dir", sample, "--nope"}, 2, "flag provided but not defined"},
		{"bad sort is usage", []string{"search", "--dir", sample, "--sort", "size", "x"}, 2, "--sort takes relevance or date"},
		{"bad date is usage", []string{"search", "--dir", sample, "--after", "yesterday", "x"}, 2, "write it as 2021-12-01"},
		{"show needs one argument", []string{"show", "--dir", sample}, 2, "show takes one article"},
		{"missing archive is an error naming it", []string{"list", "--dir", "no/such/folder"}, 1, "no/such/folder"},
		{"unknown article is an error", []string{"show", "--dir", sample, "nope.md"}, 1, "nope.md: no such article"},
		{"help is ok", []string{"help"}, 0, ""},
		{"a mistyped folder is named", []string{"no-such-archive"}, 1, "no-such-archive"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, idx, c.args...)
			if code != c.code {
				t.Fatalf("exit code %d, want %d; stderr: %s", code, c.code, stderr)
			}
			if !strings.Contains(stderr, c.err) {
				t.Fatalf("stderr %q does not mention %q", stderr, c.err)
			}
		})
	}
}

func TestListJSONHasExactlyTheDocumentedKeys(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	out, stderr, code := runCLI(t, idx, "list", "--json", "--dir", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 15 {
		t.Fatalf("listed %d articles of the sample archive, want at least 15:\n%s", len(lines), out)
	}
	want := "date date_source id lang path snippet source tags title url"
	for _, line := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if got := strings.Join(keys, " "); got != want {
			t.Fatalf("keys %q, want %q", got, want)
		}
		if _, ok := obj["tags"].([]any); !ok {
			t.Fatalf("tags is not an array in %s", line)
		}
	}
	for _, bad := range []string{"broken/binary.md: not text", "broken/empty.txt: empty"} {
		if !strings.Contains(stderr, "warning: "+bad) {
			t.Errorf("stderr lacks the warning %q:\n%s", bad, stderr)
		}
	}
}

func TestFlagsMayFollowArguments(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	before, _, code1 := runCLI(t, idx, "search", "--json", "--dir", sample, "--lang", "ja", "東京")
	after, _, code2 := runCLI(t, idx, "search", "東京", "--dir", sample, "--json", "--lang", "ja")
	if code1 != 0 || code2 != 0 {
		t.Fatalf("exit codes %d, %d", code1, code2)
	}
	if before == "" || before != after {
		t.Fatalf("flag order changed the answer:\n%s\nvs\n%s", before, after)
	}
	if !strings.Contains(before, "tokyo-snow") || !strings.Contains(before, `"score"`) {
		t.Fatalf("search 東京 lang:ja did not find the Tokyo article with a score: %s", before)
	}
}

func TestShowPlainIsCleanText(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	out, stderr, code := runCLI(t, idx, "show", "--plain", "--width", "60", "--dir", sample, "en/terminal-tricks.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Fatalf("show printed a control character from the article: %q", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(line)); w > 60 {
			t.Fatalf("line wider than --width 60: %q", line)
		}
	}
}

func TestIndexSummaryAndStats(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	out, _, code := runCLI(t, idx, "index", sample)
	if code != 0 || !strings.HasPrefix(out, "indexed ") || !strings.Contains(out, " new, 0 changed, 0 removed, ") {
		t.Fatalf("first index: exit %d, %q", code, out)
	}
	out, _, _ = runCLI(t, idx, "index", sample)
	if !strings.HasPrefix(out, "indexed 0 new, 0 changed, 0 removed") {
		t.Fatalf("second index should find nothing new: %q", out)
	}
	out, _, code = runCLI(t, idx, "stats", "--json", "--dir", sample)
	if code != 0 {
		t.Fatalf("stats exit %d", code)
	}
	var st map[string]any
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("stats is not one JSON object: %q", out)
	}
	for _, k := range []string{"articles", "languages", "sources", "tags", "warnings", "index_bytes", "archive_bytes", "last_indexed"} {
		if _, ok := st[k]; !ok {
			t.Errorf("stats lacks %q: %s", k, out)
		}
	}
	langs, _ := st["languages"].(map[string]any)
	for _, l := range []string{"zh", "ja", "ko", "sv", "vi", "en"} {
		if langs[l] == nil {
			t.Errorf("stats languages lack %s: %v", l, langs)
		}
	}
	if tags, _ := st["tags"].(map[string]any); tags["云计算"] != float64(1) {
		t.Errorf("stats tags lack 云计算 1: %v", tags)
	}
	out, _, code = runCLI(t, idx, "stats", "--dir", sample)
	if code != 0 || !strings.Contains(out, "\ntags      ") || !strings.Contains(out, "云计算 1") {
		t.Errorf("stats: exit %d, no tags line:\n%s", code, out)
	}
}

func TestTagFilterFromTheCommandLine(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	for _, args := range [][]string{{"search", "--tag", "云计算", "云"}, {"search", "tag:云计算"}, {"list", "--tag", "云计算"}} {
		out, stderr, code := runCLI(t, idx, append(args, "--dir", sample)...)
		if code != 0 || strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, "多云架构") {
			t.Errorf("%v: exit %d, want the one multicloud article:\n%s%s", args, code, out, stderr)
		}
	}
	if out, _, _ := runCLI(t, idx, "search", "--dir", sample, "clou*"); !strings.Contains(out, "Cloud provider publishes") {
		t.Errorf("search clou*: the cloud article is missing:\n%s", out)
	}
}

func TestIndexNeverWritesIntoTheArchive(t *testing.T) {
	before := snapshot(t, sample)
	idx := filepath.Join(t.TempDir(), "idx")
	if _, stderr, code := runCLI(t, idx, "index", sample); code != 0 {
		t.Fatalf("index: %s", stderr)
	}
	if after := snapshot(t, sample); after != before {
		t.Fatal("indexing changed the archive folder")
	}
}

func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		b.WriteString(p + " " + info.ModTime().String() + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// listJSON runs a command with --json and decodes its JSON Lines.
func listJSON(t *testing.T, idx string, args ...string) []map[string]any {
	t.Helper()
	out, stderr, code := runCLI(t, idx, append(args, "--json", "--dir", sample)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		objs = append(objs, obj)
	}
	return objs
}

func TestSearchFindsWhatAReaderTypes(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	cases := []struct {
		query []string
		path  string // a path the results must include
	}{
		{[]string{"地震"}, "hexo/新媒体/cnBeta/最新/地震预警系统升级.md"},
		{[]string{"thoa", "thuan"}, "text/dien-toan-dam-may.txt"},
		{[]string{"thỏa", "thuận"}, "text/dien-toan-dam-may.txt"},
		{[]string{"東京", "lang:ja"}, "hugo/2025-01-tokyo-snow/index.md"},
	}
	for _, c := range cases {
		hits := listJSON(t, idx, append([]string{"search"}, c.query...)...)
		found := false
		for _, h := range hits {
			if _, ok := h["score"].(float64); !ok {
				t.Fatalf("search %v: hit without a numeric score: %v", c.query, h)
			}
			found = found || h["path"] == c.path
		}
		if !found {
			t.Errorf("search %v did not find %s; got %v", c.query, c.path, hits)
		}
	}
}

func TestShowByIDEqualsShowByPath(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	var id string
	for _, h := range listJSON(t, idx, "list") {
		if h["path"] == "en/river-cleanup.md" {
			id = h["id"].(string)
		}
	}
	if id == "" {
		t.Fatal("en/river-cleanup.md is not listed")
	}
	byPath, _, c1 := runCLI(t, idx, "show", "--plain", "--dir", sample, "en/river-cleanup.md")
	byID, _, c2 := runCLI(t, idx, "show", "--plain", "--dir", sample, id)
	if c1 != 0 || c2 != 0 || byPath == "" || byPath != byID {
		t.Fatalf("show by id %s (exit %d) differs from show by path (exit %d):\n%s\nvs\n%s", id, c2, c1, byID, byPath)
	}
}

func TestSecondIndexRunParsesNothing(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	if _, stderr, code := runCLI(t, idx, "index", sample); code != 0 {
		t.Fatalf("index: %s", stderr)
	}
	out, stderr, code := runCLI(t, idx, "index", sample)
	if code != 0 || !strings.HasPrefix(out, "indexed 0 new, 0 changed, 0 removed") {
		t.Fatalf("second run was not a no-op: %q %s", out, stderr)
	}
}

func TestCorruptIndexIsRebuiltWithANotice(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	if err := os.MkdirAll(idx, 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(idx, "index.db")
	if err := os.WriteFile(db, []byte(strings.Repeat("garbage ", 512)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, idx, "list", "--dir", sample)
	if code != 0 || out == "" {
		t.Fatalf("exit %d, stdout %q, stderr %s: want the list from a rebuilt index", code, out, stderr)
	}
	if !strings.Contains(stderr, db) || !strings.Contains(stderr, "rebuilt") {
		t.Errorf("stderr %q does not tell the user the index %s was rebuilt", stderr, db)
	}
}

// TestListDates checks what scripts and the plain list get for dates: the
// article's own offset in RFC 3339, where the date came from, and a '~'
// before a date that is only the file's.
func TestListDates(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	out, stderr, code := runCLI(t, idx, "list", "--json", "--dir", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := map[string][2]string{ // path → date, date_source
		"hugo/2025-01-tokyo-snow/index.md": {"2025-01-21T07:45:00+09:00", "front-matter"},
		"mirror/nf2025/n14000123.md":       {"2025-08-12T00:00:00Z", "text"},
		"pages/ekonomi-elpris.html":        {"", "meta"},
		"text/molntjanster-europa.txt":     {"", "file"},
	}
	sources := map[string]bool{"front-matter": true, "meta": true, "text": true, "url": true, "path": true, "title": true, "file": true}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var obj struct{ Path, Date, Date_source string }
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		if !sources[obj.Date_source] {
			t.Errorf("%s: date_source %q is not one of the documented values", obj.Path, obj.Date_source)
		}
		w, ok := want[obj.Path]
		if !ok {
			continue
		}
		seen++
		if w[0] != "" && obj.Date != w[0] || obj.Date_source != w[1] {
			t.Errorf("%s: date %q from %q; want %q from %q", obj.Path, obj.Date, obj.Date_source, w[0], w[1])
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d articles checked", seen, len(want))
	}
	plain, stderr, code := runCLI(t, idx, "list", "--dir", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(plain, "\n") {
		switch {
		case strings.Contains(line, "Europa behöver") && !strings.Contains(line, " ~20"):
			t.Errorf("a file date is not marked with '~': %q", line)
		case strings.Contains(line, "東京で10年ぶり") && !strings.Contains(line, "  2025-01-21  "):
			t.Errorf("a front matter date is marked or shifted: %q", line)
		}
	}
}

// TestShowIntoAPipe: `yomu show` into a pipe (as under go test) prints no
// emphasis marks, never breaks a URL, ends no line with a dangling " ·",
// and wraps only when --width says so.
func TestShowIntoAPipe(t *testing.T) {
	dir := t.TempDir()
	long := "https://www.example.org/news/2024/07/29/" + strings.Repeat("a-very-long-slug-", 6) + "end.html"
	para := strings.Repeat("天気は晴れ、", 30)
	md := "---\ntitle: 東京の天気\nlang: ja\nurl: " + long + "\n---\n\n일본 정부는 **향후 30년 … 70~80%**로 본다. " + para + "\n\n[出典](" + long + ")\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(t.TempDir(), "idx")
	out, stderr, code := runCLI(t, idx, "show", "--dir", dir, "a.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "**") {
		t.Errorf("emphasis marks in a pipe:\n%s", out)
	}
	if strings.Count(out, long) < 2 {
		t.Errorf("the URL is broken (want it whole in the header and the links):\n%s", out)
	}
	wide := false
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), "·") {
			t.Errorf("a line ends with a dangling separator: %q", l)
		}
		wide = wide || strings.Contains(l, para)
	}
	if !wide {
		t.Errorf("into a pipe the paragraph should be one line, not wrapped:\n%s", out)
	}
	out, _, _ = runCLI(t, idx, "show", "--width", "40", "--dir", dir, "a.md")
	for _, l := range strings.Split(out, "\n") {
		if w := runewidth.StringWidth(l); w > 40 && !strings.Contains(l, long) {
			t.Errorf("--width 40: a %d-cell line: %q", w, l)
		}
	}
}
