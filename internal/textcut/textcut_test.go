package textcut

import (
	"testing"
	"unicode/utf8"
)

func TestPrefix(t *testing.T) {
	cases := []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abc", 2, "ab"},
		{"東京", 4, "東"}, // 3 bytes each: the second is not split
		{"東京", 6, "東京"},
		{"東京", 2, ""},
		{"", 0, ""},
	}
	for _, c := range cases {
		got := Prefix(c.s, c.n)
		if got != c.want || !utf8.ValidString(got) {
			t.Errorf("Prefix(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
