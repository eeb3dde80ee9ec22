package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/textcut"
)

// targetBytes is the size of a generated article's body text.
const targetBytes = 5000

// langPool is the real text of one language: paragraphs and sources.
type langPool struct {
	lang    string
	paras   []string
	sources []string
}

// loadPools parses every file under corpus and groups its paragraphs by
// language. Files are taken in path order so the pools, and so the
// generated archive, are the same on every run.
func loadPools(corpus string) ([]*langPool, error) {
	var paths []string
	err := filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", corpus, err)
	}
	sort.Strings(paths)
	byLang := map[string]*langPool{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(corpus, p)
		if err != nil {
			return nil, err
		}
		arts, _, err := feed.Parse(feed.File{Path: filepath.ToSlash(rel), Data: data})
		if err != nil {
			continue // the corpus has a few non-articles on purpose
		}
		for _, a := range arts {
			if a.Lang == "" || a.Lang == "und" {
				continue
			}
			pl := byLang[a.Lang]
			if pl == nil {
				pl = &langPool{lang: a.Lang}
				byLang[a.Lang] = pl
			}
			for _, para := range strings.Split(a.Text, "\n") {
				if para = strings.TrimSpace(para); len(para) >= 40 {
					pl.paras = append(pl.paras, para)
				}
			}
			src := a.Source
			if src == "" {
				src = strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
			}
			pl.sources = appendNew(pl.sources, src)
		}
	}
	var out []*langPool
	for _, pl := range byLang {
		if len(pl.paras) >= 3 {
			out = append(out, pl)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].lang < out[j].lang })
	if len(out) == 0 {
		return nil, fmt.Errorf("corpus %s: no usable text", corpus)
	}
	return out, nil
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// genArticle is one generated article before it is written in a format.
type genArticle struct {
	title, source, lang string
	date                time.Time
	paras               []string
}

// makeArticle draws article i from the pools: its own random stream, so
// any article can be made without the ones before it.
func makeArticle(pools []*langPool, i int) genArticle {
	rng := rand.New(rand.NewPCG(20251123, uint64(i)))
	pl := pools[rng.IntN(len(pools))]
	a := genArticle{
		lang:   pl.lang,
		source: pl.sources[rng.IntN(len(pl.sources))],
		date:   time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(10*365*24*3600)) * time.Second),
	}
	a.title = titleFrom(pl.paras[rng.IntN(len(pl.paras))])
	n := 0
	for n < targetBytes {
		p := pl.paras[rng.IntN(len(pl.paras))]
		if n+len(p) > targetBytes*3/2 { // one huge paragraph would double the size
			p = textcut.Prefix(p, targetBytes-n+200)
		}
		a.paras = append(a.paras, p)
		n += len(p) + 2
	}
	return a
}

// titleFrom makes a headline from the start of a paragraph.
func titleFrom(p string) string {
	limit := 70
	if r, _ := utf8.DecodeRuneInString(p); r >= 0x2E80 {
		limit = 60 // bytes: about 20 CJK characters
	}
	t := textcut.Prefix(p, limit)
	if i := strings.LastIndexAny(t, " ，。,."); i > limit/2 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// render writes article i in one of the archive's formats, chosen by i,
// and returns its path relative to the archive and its bytes.
func render(a genArticle, i int) (string, []byte) {
	// Folders by language and month hold about a hundred files each at
	// 100k, as a dated archive does (a folder per source and year split
	// into thousands of tiny folders made the walk read 47,000 of them).
	folder := fmt.Sprintf("%s/%s", a.lang, a.date.Format("2006/01"))
	body := strings.Join(a.paras, "\n\n")
	var b bytes.Buffer
	var ext string
	switch i % 10 {
	case 0, 1, 2, 3: // Jekyll: YAML front matter
		ext = ".md"
		fmt.Fprintf(&b, "---\nlayout: post\ntitle: %q\ndate: %s\nsource: %q\nlang: %s\ntags: [news, %s]\n---\n\n%s\n",
			a.title, a.date.Format("2006-01-02 15:04:05 -0700"), a.source, a.lang, a.lang, body)
	case 4, 5: // Hugo: TOML front matter
		ext = ".md"
		fmt.Fprintf(&b, "+++\ntitle = %q\ndate = %s\nauthor = %q\nlanguage = %q\n+++\n\n# %s\n\n%s\n",
			a.title, a.date.Format(time.RFC3339), a.source, a.lang, a.title, body)
	case 6, 7: // plain text: title line, blank line, body
		ext = ".txt"
		fmt.Fprintf(&b, "%s\n\n%s\n", a.title, body)
	case 8: // a saved web page
		ext = ".html"
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=%q>\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"+
			"<meta property=\"og:site_name\" content=%q>\n<meta property=\"article:published_time\" content=%q>\n"+
			"</head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n<article>\n<h1>%s</h1>\n",
			a.lang, html.EscapeString(a.title), a.source, a.date.Format(time.RFC3339), html.EscapeString(a.title))
		for _, p := range a.paras {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
		b.WriteString("</article>\n<footer>© " + html.EscapeString(a.source) + "</footer>\n</body>\n</html>\n")
	case 9: // one JSON object
		ext = ".json"
		obj := map[string]string{"title": a.title, "source": a.source, "lang": a.lang,
			"date_published": a.date.Format(time.RFC3339), "content_text": body}
		data, err := json.MarshalIndent(obj, "", "  ")
		if err != nil {
			panic(err) // strings always marshal
		}
		b.Write(data)
	}
	data := b.Bytes()
	// A few plain-text files in the legacy encodings archives hold.
	switch {
	case i%100 == 6:
		data = encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data))
	case i%100 == 16 && a.lang == "zh":
		data = encode(simplifiedchinese.GB18030.NewEncoder().Bytes(data))
	}
	return fmt.Sprintf("%s/%07d%s", folder, i, ext), data
}

func encode(b []byte, err error) []byte {
	if err != nil {
		panic(err) // valid UTF-8 always encodes in UTF-16 and GB18030
	}
	return b
}

// generate writes n articles under dir (which must be empty or hold an
// earlier generation of the same n) and returns the total bytes.
func generate(corpus, dir string, n int) (int64, error) {
	pools, err := loadPools(corpus)
	if err != nil {
		return 0, err
	}
	var total int64
	made := map[string]bool{}
	for i := range n {
		rel, data := render(makeArticle(pools, i), i)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		d := filepath.Dir(p)
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return 0, err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return 0, err
		}
		// A fixed mtime keeps the archive identical between runs.
		mt := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second)
		if err := os.Chtimes(p, mt, mt); err != nil {
			return 0, err
		}
		total += int64(len(data))
	}
	return total, nil
}
