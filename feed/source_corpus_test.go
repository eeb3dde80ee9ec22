package feed

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// Bars for TestCorpusSources, measured on ../shared/corpus (17 labelled
// sources): 233 distinct sources and 77.9% majority agreement before issue
// 10, when bylines and cited links named sources; 31 and 85.6% after.
const (
	maxCorpusSources   = 35 // distinct sources over the whole corpus
	maxSourcesPerLabel = 8  // nodebe4-oped2 mirrors eight outlets, named by their from: links
	minMajorityShare   = 85 // percent of files whose source is their folder's most common one
)

// TestCorpusSources compares the sources of the real-world corpus with its
// labels (one source per folder): how many distinct sources the picker
// would list, how many each labelled source is split into, and how many
// files carry their folder's most common source. A mirror of several
// outlets may split (nodebe4-oped2, koreanews's 출처 links); an author per
// source may not.
func TestCorpusSources(t *testing.T) {
	step := 1
	if (corpusRaceBuild || testing.Short()) && os.Getenv("YOMU_FULL") == "" {
		step = 3
	}
	perLabel := map[string]map[string]int{}
	all := map[string]bool{}
	files := 0
	for _, r := range parseCorpusAll(loadParseCorpus(t, step)) {
		label, _, _ := strings.Cut(r.file.path, "/")
		for _, a := range r.arts {
			if perLabel[label] == nil {
				perLabel[label] = map[string]int{}
			}
			perLabel[label][a.Source]++
			all[a.Source] = true
			files++
		}
	}
	majority := 0
	labels := make([]string, 0, len(perLabel))
	for l := range perLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		best := 0
		for _, n := range perLabel[l] {
			best = max(best, n)
		}
		majority += best
		t.Logf("%-26s %d source(s): %s", l, len(perLabel[l]), describeCounts(perLabel[l]))
		if len(perLabel[l]) > maxSourcesPerLabel {
			t.Errorf("%s is split into %d sources; want at most %d", l, len(perLabel[l]), maxSourcesPerLabel)
		}
	}
	share := 100 * float64(majority) / float64(max(files, 1))
	t.Logf("%d articles, %d labelled sources, %d distinct sources, %.1f%% carry their folder's most common source",
		files, len(labels), len(all), share)
	if len(all) > maxCorpusSources {
		t.Errorf("%d distinct sources; want at most %d", len(all), maxCorpusSources)
	}
	if share < minMajorityShare {
		t.Errorf("%.1f%% of articles carry their folder's most common source; want at least %d%%", share, minMajorityShare)
	}
}

// describeCounts lists sources by count, most common first.
func describeCounts(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return c[keys[i]] > c[keys[j]] || c[keys[i]] == c[keys[j]] && keys[i] < keys[j] })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s (%d)", k, c[k])
	}
	return strings.Join(parts, ", ")
}
