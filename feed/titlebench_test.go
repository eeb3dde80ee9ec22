package feed

import (
	"fmt"
	"strings"
	"testing"
)

// benchArchiveFiles are one file of each kind cmd/yomubench generates
// (YAML and TOML front matter, plain text, a saved page, JSON), about 3 KB
// each, so that the per-article cost of the title and source rules shows
// on the files the index benchmark reads.
func benchArchiveFiles() map[string]File {
	para := strings.Repeat("The council met on Tuesday to discuss the new budget for the coming year, and the vote was close. ", 6)
	body := strings.Join([]string{para, para, para, para, para}, "\n\n")
	title := "The council met on Tuesday to discuss the new budget"
	files := []struct{ kind, path, src string }{
		{"yaml", "en/2020/01/0000000.md", fmt.Sprintf("---\nlayout: post\ntitle: %q\ndate: 2020-01-02 03:04:05 +0000\nsource: %q\nlang: en\ntags: [news, en]\n---\n\n%s\n", title, "Dagens Nyheter", body)},
		{"toml", "en/2020/01/0000004.md", fmt.Sprintf("+++\ntitle = %q\ndate = 2020-01-02T03:04:05Z\nauthor = %q\nlanguage = \"en\"\n+++\n\n# %s\n\n%s\n", title, "Dagens Nyheter", title, body)},
		{"text", "en/2020/01/0000006.txt", title + "\n\n" + body + "\n"},
		{"html", "en/2020/01/0000008.html", "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n" +
			"<meta property=\"og:site_name\" content=\"Dagens Nyheter\">\n<meta property=\"article:published_time\" content=\"2020-01-02T03:04:05Z\">\n" +
			"</head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n<article>\n<h1>" + title + "</h1>\n<p>" + strings.ReplaceAll(body, "\n\n", "</p>\n<p>") + "</p>\n</article>\n<footer>© Dagens Nyheter</footer>\n</body>\n</html>\n"},
		{"json", "en/2020/01/0000009.json", fmt.Sprintf("{\n  \"content_text\": %q,\n  \"date_published\": \"2020-01-02T03:04:05Z\",\n  \"lang\": \"en\",\n  \"source\": \"Dagens Nyheter\",\n  \"title\": %q\n}", body, title)},
	}
	out := make(map[string]File, len(files))
	for _, f := range files {
		out[f.kind] = File{Path: f.path, Data: []byte(f.src), ModTime: fixedTime}
	}
	return out
}

// BenchmarkParseArchiveKinds parses one file of each generated kind per
// iteration: run it on this commit and the one before, in the same run.
func BenchmarkParseArchiveKinds(b *testing.B) {
	files := benchArchiveFiles()
	for _, kind := range []string{"yaml", "toml", "text", "html", "json"} {
		f := files[kind]
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Parse(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTitleRules times the rules issue 10 added, alone, on the
// values of a generated article: each is a few hundred nanoseconds at
// most beside the tens of microseconds a whole article takes.
func BenchmarkTitleRules(b *testing.B) {
	const title = "The council met on Tuesday to discuss the new budget"
	pm := pageMeta{props: map[string]string{"og:site_name": "Dagens Nyheter"}, title: title, h1: title}
	d := draft{source: "", author: "Dagens Nyheter", url: ""}
	b.Run("markupTitle", func(b *testing.B) {
		for b.Loop() {
			markupTitle(title)
		}
	})
	b.Run("markupTitle-code-span", func(b *testing.B) {
		for b.Loop() {
			markupTitle("C ABI Changes for `wasm32-unknown-unknown`")
		}
	})
	b.Run("pageTitle", func(b *testing.B) {
		for b.Loop() {
			pm.pageTitle()
		}
	})
	b.Run("sourceName", func(b *testing.B) {
		for b.Loop() {
			d.sourceName("en/2020/01/0000004.md", false)
		}
	})
	b.Run("findOriginalURL", func(b *testing.B) {
		md := benchArchiveFiles()["text"].Data
		for b.Loop() {
			findOriginalURL(string(md))
		}
	})
}
