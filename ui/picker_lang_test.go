package ui

import "testing"

// The picker shows each language in its own name, the new ones included.
func TestLangLabels(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"ca", "Català (ca)"}, {"sk", "Slovenčina (sk)"}, {"fa", "فارسی (fa)"}, {"hy", "Հայերեն (hy)"},
		{"zu", "isiZulu (zu)"}, {"af", "Afrikaans (af)"}, {"nn", "Norsk nynorsk (nn)"}, {"zh", "中文 (zh)"},
		{"und", "unknown (und)"}, {"xx", "xx"},
	} {
		if got := langLabel(c.code); got != c.want {
			t.Errorf("langLabel(%q) = %q, want %q", c.code, got, c.want)
		}
	}
}
