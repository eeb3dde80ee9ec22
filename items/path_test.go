package items

import (
	"path"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/yomu-reader/yomu/syndication"
)

func TestSlug(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Hello, World!", "hello-world"},
		{"  Go 1.26 is out  ", "go-1-26-is-out"},
		{"阮一峰：科技爱好者周刊（第 300 期）", "阮一峰-科技爱好者周刊-第-300-期"},
		{"日本語のタイトル", "日本語のタイトル"},
		{"Ärger über Öl", "ärger-über-öl"},
		{"Привет, мир", "привет-мир"},
		{"नमस्ते दुनिया", "नमस्ते-दुनिया"},
		{"../../etc/passwd", "etc-passwd"},
		{"a\x00b\x1b[31mc", "abc"}, // the escape sequence goes whole
		{"\u202eevil\u202c title", "evil-title"},
		{"🎉🎉", "item"},
		{"", "item"},
		{"CON", "con"},
		{strings.Repeat("長", 100), strings.Repeat("長", 30)},
	}
	for _, tc := range tests {
		if got := Slug(tc.title); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// TestHostileTitlesGiveSafePaths: whatever the title, the path is under
// feeds/<NAME>/YYYY/MM/, one component a level, valid on every OS.
func TestHostileTitlesGiveSafePaths(t *testing.T) {
	titles := []string{
		"../../etc", "..", ".", "a/b\\c", "nul\x00byte", strings.Repeat("x", 10<<20),
		"\u202eRTL override\u202c", "emoji 🎉👩‍👩‍👧 title", "CON", "aux.txt", "LPT1", "COM9",
		"trailing dot.", " spaces ", "tab\tand\nnewline", "\x1b]0;title\x07", strings.Repeat("𝒳", 500),
		strings.Repeat("e\u0301", 5000), "",
	}
	dir := t.TempDir()
	w := newWriter(dir)
	s := NewState(testFeedURL)
	seen := map[string]bool{}
	for i, title := range titles {
		it := syndication.Item{GUID: string(rune('a' + i)), Title: title, Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
		o, err := w.Write(s, it, "", "body")
		if err != nil {
			t.Fatalf("title %.40q: %v", title, err)
		}
		if seen[o.Path] {
			t.Errorf("two items share %s", o.Path)
		}
		seen[o.Path] = true
		checkPath(t, o.Path)
	}
	if got := len(itemFiles(t, dir)); got != len(titles) {
		t.Errorf("%d files, want %d", got, len(titles))
	}
}

func checkPath(t *testing.T, p string) {
	t.Helper()
	parts := strings.Split(p, "/")
	if len(parts) != 5 || parts[0] != "feeds" || parts[1] != "Blog" || path.Clean(p) != p {
		t.Fatalf("path %q is not feeds/Blog/YYYY/MM/file", p)
	}
	base := parts[4]
	if len(base) > 255-len(".tmp-1234567890")-1 || !utf8.ValidString(base) || !strings.HasSuffix(base, ".md") {
		t.Errorf("file name %q: %d bytes or not UTF-8", base, len(base))
	}
	if strings.ContainsAny(base, `/\:*?"<>|`) || strings.HasPrefix(base, ".") || strings.ContainsFunc(base, func(r rune) bool { return r < ' ' || r == 0x7f || r == '\u202e' }) {
		t.Errorf("file name %q is not valid on every OS", base)
	}
	if slug := strings.TrimSuffix(base, ".md"); runewidth.StringWidth(slug) > slugCells+9 {
		t.Errorf("file name %q is %d cells wide", base, runewidth.StringWidth(slug))
	}
}

// FuzzSlug: any title gives a slug of letters, marks, digits and single
// dashes, within the caps, never empty and never hidden.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Hello, World!", "阮一峰的网络日志", "../x", "\u202e", "e\u0301", "🎉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s := Slug(title)
		if s == "" || !utf8.ValidString(s) || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
			t.Fatalf("Slug(%q) = %q", title, s)
		}
		if len(s) > slugBytes || runewidth.StringWidth(s) > slugCells {
			t.Fatalf("Slug(%q) = %q is too long", title, s)
		}
		if strings.ContainsAny(s, `./\:*?"<>| `) {
			t.Fatalf("Slug(%q) = %q holds a character a file name must not", title, s)
		}
	})
}
