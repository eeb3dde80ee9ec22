package feed

import (
	"strings"
	"testing"
)

func TestDeclaredLang(t *testing.T) {
	zh := strings.Repeat("阮一峰的网络日志，科技爱好者周刊，这里记录每周值得分享的科技内容。", 3)
	ja := strings.Repeat("東京の天気は晴れです。今日はとても暑くなりそうなので、水分をとってください。", 2)
	sv := "Regeringen presenterade på tisdagen ett nytt förslag om hur elpriset ska sänkas för hushållen i södra Sverige under vintern."
	en := "The government presented a new proposal on Tuesday on how electricity prices should be lowered for households this winter."
	cases := []struct {
		name, declared, title, body, want string
	}{
		{"nothing declared stays empty", "", "标题", zh, ""},
		{"a Chinese blog declaring English", "en", "科技爱好者周刊", zh, "zh-Hans"},
		{"a Japanese feed declaring en_us", "en_us", "今日の天気", ja, "ja"},
		{"a Swedish site declaring en-US", "en-US", "Elpriset sänks", sv, "sv"},
		{"agreement keeps the declared tag as given", "sv-SE", "Elpriset sänks", sv, "sv-SE"},
		{"a region is not a disagreement", "zh-CN", "科技爱好者周刊", zh, "zh-CN"},
		{"too little text to judge", "en", "Elpriset", "sänks", "en"},
		{"a close relative is not overruled", "nb", "Strømprisen", "Regjeringen la tirsdag fram et nytt forslag om hvordan strømprisen skal senkes for husholdningene i vinter.", "nb"},
		{"a Chinese title over English citations", "zh-TW", "期末報告 -- 吳昆達, 翁睿廷", "Paper: New lower and upper bounds for the competitive ratio of transmission protocols, Information Processing Letters, 2004. Time: 1:00pm, Monday. Place: Room 211.", "zh-TW"},
		{"English declared and written", "en", "Prices fall", en, "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := DeclaredLang(c.declared, c.title, c.body); got != c.want {
				t.Errorf("DeclaredLang(%q, %q, …) = %q, want %q", c.declared, c.title, got, c.want)
			}
			if c.want != "" && c.want != c.declared {
				if l, _ := normalizeLang(c.want); l == "" {
					t.Errorf("%q does not read back as a language", c.want)
				}
			}
		})
	}
}

// TestDropLangTables: a detection after the tables were dropped reads them
// anew and answers as before (yomu fetch drops them before indexing).
func TestDropLangTables(t *testing.T) {
	text := "Regeringen presenterade i dag en ny budget för skolan och vården, och oppositionen kritiserade förslaget hårt under eftermiddagen."
	before, _ := DetectLang("Ny budget", text)
	DropLangTables()
	after, _ := DetectLang("Ny budget", text)
	if before != "sv" || after != before {
		t.Fatalf("detected %q, then %q after DropLangTables; want sv both times", before, after)
	}
}
