package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestResolveTheme(t *testing.T) {
	tests := []struct {
		flag, noColor, want string
	}{
		{"dark", "", "dark"},
		{"light", "1", "light"}, // an explicit flag wins over NO_COLOR
		{"plain", "", "plain"},
		{"auto", "1", "plain"},
		{"", "1", "plain"},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		ask := func() (bool, bool) { // an explicit theme or NO_COLOR asks nothing
			t.Errorf("resolveTheme(%q) with NO_COLOR=%q asked the terminal", tt.flag, tt.noColor)
			return true, true
		}
		if got := resolveTheme(tt.flag, ask); got != tt.want {
			t.Errorf("resolveTheme(%q) with NO_COLOR=%q = %q, want %q", tt.flag, tt.noColor, got, tt.want)
		}
	}
	// "auto" asks; no answer is taken as dark
	t.Setenv("NO_COLOR", "")
	for _, ask := range []struct {
		dark, ok bool
		want     string
	}{{true, true, "dark"}, {false, true, "light"}, {false, false, "dark"}} {
		answer := func() (bool, bool) { return ask.dark, ask.ok }
		if got := resolveTheme("auto", answer); got != ask.want {
			t.Errorf("auto with the terminal answering dark=%v ok=%v = %q, want %q", ask.dark, ask.ok, got, ask.want)
		}
	}
}

func TestCutAndFit(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"hello", 10, "hello     "},
		{"hello world", 8, "hello w…"},
		{"東京で大雪", 7, "東京で…"},
		{"東京で大雪", 6, "東京… "}, // never half a wide character
		{"東京で大雪", 10, "東京で大雪"},
		{"café", 4, "café"},
		{"", 3, "   "},
	}
	for _, tt := range tests {
		if got := fit(tt.in, tt.w); got != tt.want || cells(got) != tt.w {
			t.Errorf("fit(%q, %d) = %q (%d cells), want %q", tt.in, tt.w, got, cells(got), tt.want)
		}
	}
	if got := fitANSI("\x1b[1m東京で大雪\x1b[0m", 5); cells(stripForTest(got)) != 5 {
		t.Errorf("fitANSI cut to %q", got)
	}
}

func TestHighlightInRows(t *testing.T) {
	// screens in tests have no attributes at all; a terminal has them
	lipgloss.SetColorProfile(termenv.ANSI)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	st := defaultStyles("plain")
	got := highlight("東京で10年ぶりの大雪", "大雪", st.Row, st.Match)
	if !strings.Contains(got, "\x1b[") || stripForTest(got) != "東京で10年ぶりの大雪" {
		t.Fatalf("highlight = %q", got)
	}
	i := strings.Index(got, "大")
	if i < 0 || !strings.Contains(got[:i], "\x1b[") {
		t.Errorf("the match is not styled: %q", got)
	}
}
