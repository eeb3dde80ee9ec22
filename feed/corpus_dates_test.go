package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// corpusFileDates is the most corpus articles that may fall back to their
// file's date. Before issue 10, 2,209 of the 3,272 did; now 1,101 do, the ones
// left: plain text, markdown and JSON with no date anywhere (bbc-news, baomoi,
// vntc, thenewstack, sci-news-sum-kr).
const corpusFileDates = 1110

// TestCorpusDates parses the corpus with each file's real mtime, prints how
// many dates come from each source, and checks the bounds: no date after
// its file's mtime plus a day, none before 1970, and no more file dates
// than corpusFileDates.
func TestCorpusDates(t *testing.T) {
	files := loadParseCorpus(t, 1)
	root := filepath.Join(sharedDir(t), "corpus")
	counts := map[string]int{}
	perFolder := map[string]map[string]int{}
	total := 0
	for _, f := range files {
		st, err := os.Stat(filepath.Join(root, filepath.FromSlash(f.path)))
		if err != nil {
			t.Fatalf("stat corpus file: %v", err)
		}
		arts, _, _ := Parse(File{Path: f.path, Data: f.data, ModTime: st.ModTime()})
		for _, a := range arts {
			total++
			counts[a.DateSource]++
			folder, _, _ := strings.Cut(f.path, "/")
			if perFolder[folder] == nil {
				perFolder[folder] = map[string]int{}
			}
			perFolder[folder][a.DateSource]++
			if a.Date.After(st.ModTime().Add(24*time.Hour)) || a.Date.Before(earliestDate) {
				t.Errorf("%s: date %s (from %s) is after its mtime %s plus a day or before 1970",
					f.path, a.Date.Format(time.RFC3339), a.DateSource, st.ModTime().Format(time.RFC3339))
			}
			if testing.Verbose() && os.Getenv("YOMU_DATES") != "" {
				t.Logf("%s\t%s\t%s", f.path, a.DateSource, a.Date.Format(time.RFC3339))
			}
		}
	}
	t.Logf("%d articles; date sources: %s", total, formatCounts(counts))
	folders := make([]string, 0, len(perFolder))
	for k := range perFolder {
		folders = append(folders, k)
	}
	sort.Strings(folders)
	for _, k := range folders {
		t.Logf("  %-26s %s", k, formatCounts(perFolder[k]))
	}
	if counts[DateFile] > corpusFileDates {
		t.Errorf("%d of %d articles fall back to the file's date; want at most %d", counts[DateFile], total, corpusFileDates)
	}
}

func formatCounts(m map[string]int) string {
	var parts []string
	for _, src := range []string{DateFrontMatter, DateMeta, DateText, DateURL, DatePath, DateTitle, DateFile} {
		if m[src] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", src, m[src]))
		}
	}
	return strings.Join(parts, " · ")
}
