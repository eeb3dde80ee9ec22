package feed

import "testing"

// TestLangNames: every language the tables can answer has its own name,
// and the picker's and lang:'s ways of writing it lead back to its code.
func TestLangNames(t *testing.T) {
	m, err := ngramModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range m.codes {
		if LangName(code) == "" {
			t.Errorf("no own name for %q", code)
		}
		if got := LangCode(LangName(code)); got != code {
			t.Errorf("LangCode(%q) = %q, want %q", LangName(code), got, code)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"ca", "ca"}, {"Català", "ca"}, {"català", "ca"}, {"catala", "ca"}, {"Catalan", "ca"},
		{"Slovenčina", "sk"}, {"slovencina", "sk"}, {"فارسی", "fa"}, {"Հայերեն", "hy"},
		{"isiZulu", "zu"}, {"zulu", "zu"}, {"norskbokmål", "nb"}, {"norsk-nynorsk", "nn"},
		{"Afrikaans", "af"}, {"SV", "sv"}, {"svenska", "sv"}, {"中文", "zh"}, {"हिन्दी", "hi"},
		{"xx", "xx"}, {"Klingon", "klingon"},
	} {
		if got := LangCode(c.in); got != c.want {
			t.Errorf("LangCode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzLangCode: any name comes back as a code that reads as itself, and a
// code of the table comes back from its own name.
func FuzzLangCode(f *testing.F) {
	for _, s := range []string{"ca", "Català", "norsk bokmål", "中文", " SV ", "zh-hant", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		code := LangCode(name)
		if again := LangCode(code); again != code {
			t.Fatalf("LangCode(%q) = %q, but LangCode(%q) = %q", name, code, code, again)
		}
		if n := LangName(code); n != "" && LangCode(n) != code {
			t.Fatalf("LangCode(LangName(%q)) = %q", code, LangCode(n))
		}
	})
}
