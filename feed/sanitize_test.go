package feed

import "testing"

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"clean text is kept", "中文 English\n\ttab", "中文 English\n\ttab"},
		{"window title (OSC 0)", "a\x1b]0;pwned\x07b", "ab"},
		{"OSC ended by ST", "a\x1b]2;pwned\x1b\\b", "ab"},
		{"clipboard (OSC 52)", "a\x1b]52;c;ZWNobyBoaQ==\x07b", "ab"},
		{"hyperlink (OSC 8) keeps its text", "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"clear screen (CSI)", "a\x1b[2Jb\x1b[1;31mc", "abc"},
		{"8-bit CSI", "a\u009b31mb", "ab"},
		{"8-bit OSC ended by 8-bit ST", "a\u009d0;pwned\u009cb", "ab"},
		{"short ESC sequence", "a\x1bcb", "ab"},
		{"unterminated OSC drops the rest", "a\x1b]0;pwned", "a"},
		{"CSI broken by text", "a\x1b[中文", "a中文"},
		{"ESC at the end", "a\x1b", "a"},
		{"CSI then OSC", "a\x1b[\x1b]0;x\x07b", "ab"},
		{"C0 and C1 controls", "a\x00\x07\x08\x7f\u0085\u0091b", "ab"},
		{"bidi overrides and isolates", "a\u202eb\u202cc\u2066d\u2069\u200fe", "abcde"},
		{"zero-width space and BOM", "a\u200bb\ufeffc", "abc"},
		{"line separators become newlines", "a\u2028b", "a\nb"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"carriage return", "a\rb", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHasScriptURL(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"[a](javascript:x)", true},
		{"[a](JavaScript:x)", true},
		{"![a](data:image/png;base64,AA)", true},
		{"[a](VBScript:x)", true},
		{"plain: text, 10:30, https://example.com", false},
		{"metadata: none", true}, // errs on the side of yes
		{":", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasScriptURL(tt.in); got != tt.want {
			t.Errorf("hasScriptURL(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}
