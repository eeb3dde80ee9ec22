package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yomu-reader/yomu/segments"
)

const module = "github.com/yomu-reader/yomu/"

// TestDependencyDirection keeps main → ui → store → feed: nothing points back.
func TestDependencyDirection(t *testing.T) {
	allowed := map[string][]string{
		"feed":        {},
		"analysis":    {},           // text to terms, shared by both engines and the query parser
		"archive":     {},           // the archive's files: the walk, and reading one file
		"segments":    {"analysis"}, // the local segment engine on SQLite: postings, merges, scoring
		"store":       {"feed", "analysis", "archive", "segments"},
		"ui/render":   {"store", "feed"},
		"ui":          {"ui/render", "store", "feed"},
		"watch":       {},                      // tells that files changed; main wires it to ui
		"syndication": {"feed"},                // one feed document in, one syndication.Feed out
		"subs":        {"feed"},                // the subscription list feeds.toml, and OPML
		"items":       {"feed", "syndication"}, // items as files under feeds/<NAME>/, and their fetch state
		"web":         {},                      // the polite HTTP client: gets one URL right
		// one fetch round, and yomu feed add's discovery
		"fetch": {"web", "syndication", "subs", "items", "feed", "store"},
		// the Weaviate backend: pushes a local index there, answers queries from it
		"cluster": {"store", "feed", "analysis"},
	}
	for pkg, ok := range allowed {
		for _, imp := range ourImports(t, pkg) {
			if !contains(ok, imp) && !isLeaf(imp) {
				t.Errorf("%s imports %s: the direction is main → ui → store → feed", pkg, imp)
			}
		}
	}
	// internal/ holds leaf helpers any layer may use; they use none of ours.
	leaves, err := filepath.Glob("internal/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, leaf := range leaves {
		for _, imp := range ourImports(t, leaf) {
			t.Errorf("%s imports %s: internal packages are leaves", leaf, imp)
		}
	}
}

// isLeaf reports whether a package of ours is an internal leaf helper.
func isLeaf(pkg string) bool { return strings.HasPrefix(pkg, "internal/") }

// TestOnlyUIDrawsTheTerminal keeps Bubble Tea and friends inside ui.
func TestOnlyUIDrawsTheTerminal(t *testing.T) {
	for _, pkg := range []string{".", "feed", "analysis", "archive", "segments", "store", "watch", "subs", "items", "web", "syndication", "fetch", "cluster"} {
		for _, imp := range allImports(t, pkg) {
			if strings.HasPrefix(imp, "github.com/charmbracelet/") {
				t.Errorf("%s imports %s: only ui may", pkg, imp)
			}
		}
	}
}

func ourImports(t *testing.T, dir string) []string {
	var out []string
	for _, imp := range allImports(t, dir) {
		if strings.HasPrefix(imp, module) {
			out = append(out, strings.TrimPrefix(imp, module))
		}
	}
	return out
}

// goSources reads the non-test Go files in dir, by path.
func goSources(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = src
	}
	return out
}

// allImports lists the imports of the non-test Go files in dir.
func allImports(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for f, src := range goSources(t, dir) {
		af, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("parse %s: %v", f, err)
		}
		for _, imp := range af.Imports {
			out = append(out, strings.Trim(imp.Path.Value, `"`))
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestTablesHaveOneOwner keeps each table of the index file in one
// package: the SQL of store names none of the segment engine's tables,
// the engine's none of store's, and no other package names either's.
func TestTablesHaveOneOwner(t *testing.T) {
	owners := map[string][]string{
		"segments": segments.TableNames,
		"store":    {"files", "articles", "tags", "texts", "state", "kv", "warnings", "meta", "outbox"},
	}
	for _, dir := range []string{".", "ui", "cluster", "fetch", "store", "segments"} {
		sources := goSources(t, dir)
		for owner, tables := range owners {
			if owner == dir {
				continue
			}
			sql := regexp.MustCompile(`\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+(` + strings.Join(tables, "|") + `)\b`)
			for f, src := range sources {
				if m := sql.Find(src); m != nil {
					t.Errorf("%s: %q reaches into a table of %s", f, m, owner)
				}
			}
		}
	}
}
