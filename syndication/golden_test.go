package syndication

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yomu-reader/yomu/internal/testenv"
	"github.com/yomu-reader/yomu/internal/textcut"
)

// goldenFeed is what a golden file keeps of a parsed feed: every field,
// with long HTML shortened to its start and length so a diff stays
// readable.
type goldenFeed struct {
	Format, Version, Encoding, Title, SiteURL, SelfURL, Language, Description string
	TTL                                                                       string `json:",omitempty"`
	Warnings                                                                  []string
	Items                                                                     []goldenItem
}

type goldenItem struct {
	GUID, Link, Title, Published, Updated, Lang string
	Authors, Categories, MediaURLs              []string `json:",omitempty"`
	ContentHTML, SummaryHTML, ContentText       string   `json:",omitempty"`
}

func toGolden(f *Feed) goldenFeed {
	g := goldenFeed{Format: f.Format, Version: f.Version, Encoding: f.Encoding, Title: f.Title, SiteURL: f.SiteURL,
		SelfURL: f.SelfURL, Language: f.Language, Description: short(f.Description), Warnings: f.Warnings}
	if f.TTL > 0 {
		g.TTL = f.TTL.String()
	}
	for _, it := range f.Items {
		g.Items = append(g.Items, goldenItem{GUID: it.GUID, Link: it.Link, Title: it.Title, Published: stamp(it.Published),
			Updated: stamp(it.Updated), Lang: it.Lang, Authors: it.Authors, Categories: it.Categories, MediaURLs: it.MediaURLs,
			ContentHTML: short(it.ContentHTML), SummaryHTML: short(it.SummaryHTML), ContentText: short(it.ContentText)})
	}
	return g
}

// short keeps the first 160 bytes of s (at a character boundary) and says
// how long it was.
func short(s string) string {
	if len(s) <= 200 {
		return s
	}
	return textcut.Prefix(s, 160) + "… (" + itoa(len(s)) + " bytes)"
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// TestGolden compares each dev feed, parsed, with its golden file
// (testdata/golden/<file>.json); go test ./syndication -update rewrites them.
func TestGolden(t *testing.T) {
	for _, path := range devFeedFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			if f, err := Parse(data, "", "https://feeds.example/"+name); err != nil {
				got = []byte("error: " + strings.ReplaceAll(err.Error(), "https://feeds.example/", "") + "\n")
			} else if got, err = json.MarshalIndent(toGolden(f), "", " "); err != nil {
				t.Fatal(err)
			}
			got = append(bytes.TrimRight(got, "\n"), '\n')
			file := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./syndication -update)", err)
			}
			if !bytes.Equal(want, got) {
				t.Errorf("%s differs from the parse:\n%s", file, testenv.DiffLines(string(want), string(got), 8))
			}
		})
	}
}
