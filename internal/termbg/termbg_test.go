package termbg

import "testing"

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in       string
		dark, ok bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[5;1R", true, true},
		{"\x1b]11;rgb:ffff/ffff/ffff\a\x1b[5;1R", false, true},
		{"\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\", true, true},
		{"\x1b]11;rgb:fd/f6/e3\x1b\\", false, true}, // two digits a channel (solarized light)
		{"\x1b[5;1R", false, false},                 // no OSC 11 answer, only the cursor
		{"", false, false},
		{"\x1b]11;rgb:zz/00/00\a", false, false},
	} {
		dark, ok := parse([]byte(tt.in))
		if dark != tt.dark || ok != tt.ok {
			t.Errorf("parse(%q) = %v, %v, want %v, %v", tt.in, dark, ok, tt.dark, tt.ok)
		}
	}
	if !answered([]byte("\x1b]11;rgb:0/0/0\a\x1b[12;40R")) || answered([]byte("\x1b]11;rgb:0/0/0\a")) {
		t.Error("answered: the cursor report ends the answers")
	}
}
