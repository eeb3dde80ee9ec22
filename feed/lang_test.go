package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/yomu-reader/yomu/internal/textcut"
)

// TestDetectLang covers the cases a light detector gets wrong: short
// titles, Vietnamese without its diacritics, Latin words inside Chinese,
// Japanese nearly all in kanji, Korean with Hanja, and the two Chinese
// scripts; plus one sentence of each major script family.
func TestDetectLang(t *testing.T) {
	pgp := "-----BEGIN PGP MESSAGE-----\nVersion: GnuPG v1\n\n" +
		strings.Repeat("hQIMA++W93pnjkzrAQ/9EpLXDs97GRZofpRAhZMJviZDc5FoBB4zLtgt59r+jnMP\n", 20)
	tests := []struct {
		name, title, body string
		lang, script      string
	}{
		{"Swedish title", "Ny ambassadör i Colombia", "", "sv", ""},
		{"Swedish title with colon", "Molntjänster: Europa måste klippa beroendet av USA", "", "sv", ""},
		{"Swedish title, no ä/ö", "Regeringen satsar på nya jobb i norra Sverige", "", "sv", ""},
		{"Swedish title-only release", "Pressträff om Livsmedelsstrategin 2.0", "", "sv", ""},
		{"Swedish body, no title", "", "Diskussionerna kommer att fokusera på ett ökat samarbete mellan de nordiska länderna och USA i frågor som säkerhet, miljö och teknik.", "sv", ""},
		{"Danish keeps æ/ø", "Regeringen vil øge støtten til de små øer og give flere penge til skolerne", "", "da", ""},
		{"Norwegian keeps æ/ø", "Regjeringen vil øke støtten til de små øyene og gi mer penger til skolene", "", "nb", ""},
		{"Vietnamese", "Amazon sắp công bố một thỏa thuận mới đe dọa đến Microsoft", "", "vi", ""},
		{"Vietnamese short", "Wayne Rooney bị loại khỏi đội tuyển Anh", "", "vi", ""},
		{"Vietnamese decomposed (NFD)", norm.NFD.String("Amazon sắp công bố một thỏa thuận mới đe dọa đến Microsoft"), "", "vi", ""},
		{"Vietnamese unaccented", "Amazon sap cong bo mot thoa thuan moi", "", "vi", ""},
		{"Vietnamese unaccented 2", "Nguoi dan Ha Noi don Tet trong mua dich", "", "vi", ""},
		{"Chinese with Latin word", "AWS宕机", "", "zh", "Hans"},
		{"Chinese headline with Latin", "企业多云化大势来了么？亚马逊AWS宕机事件带来更多商机", "", "zh", "Hans"},
		{"English quoting Chinese", "Xi Jinping (习近平) meets the president of France in Paris", "", "en", ""},
		{"Chinese with much English", "在Kubernetes集群中部署Prometheus监控", "本文介绍如何使用Helm chart部署kube-prometheus-stack，并配置Grafana仪表盘和Alertmanager告警。", "zh", "Hans"},
		{"Simplified", "这是我们国家的新闻", "", "zh", "Hans"},
		{"Traditional", "這是我們國家的新聞", "", "zh", "Hant"},
		{"Traditional short", "新年快樂！", "", "zh", "Hant"},
		{"Traditional with a katakana name", "台灣市場的ソニー新產品", "", "zh", "Hant"},
		{"Japanese mostly kanji", "東京都知事選挙、小池氏が三選", "", "ja", ""},
		{"Japanese without kana", "東京都知事選挙結果発表", "", "ja", ""},
		{"Traditional quoting a Japanese place", "日本広島市長今日訪問台灣，與台北市長會面討論觀光與經濟合作", "", "zh", "Hant"},
		{"Japanese katakana headline", "ソニー、新型プレイステーション発表", "", "ja", ""},
		{"Japanese", "毎日AIピックアップニュース", "香港の政府は新しい政策を発表しました。", "ja", ""},
		{"Korean with Hanja", "韓國 經濟 성장률 전망", "", "ko", ""},
		{"Korean", "삼성전자, 새로운 반도체 공장 건설 발표", "", "ko", ""},
		{"English headline, no function word", "Amazon Web Services outage takes down major websites", "", "en", ""},
		{"English with body", "Outage", "Amazon Web Services suffered a major outage on Tuesday that took down websites and apps across the United States.", "en", ""},
		{"Italian", "Il governo approva la nuova legge di bilancio", "", "it", ""},
		{"Dutch", "Nederland krijgt een nieuwe regering na de verkiezingen", "", "nl", ""},
		{"Finnish", "Hallitus esittää uusia toimia työllisyyden parantamiseksi", "", "fi", ""},
		{"French", "Le gouvernement annonce une nouvelle réforme des retraites", "", "fr", ""},
		{"German", "Die Bundesregierung plant neue Gesetze für den Klimaschutz", "", "de", ""},
		{"Spanish", "El presidente anunció nuevas medidas económicas para el país", "", "es", ""},
		{"Arabic", "أعلنت الحكومة عن إجراءات اقتصادية جديدة لدعم الأسر", "", "ar", ""},
		{"Russian", "Правительство объявило о новых экономических мерах", "", "ru", ""},
		{"Greek", "Η κυβέρνηση ανακοίνωσε νέα οικονομικά μέτρα για τις οικογένειες", "", "el", ""},
		{"empty", "", "", "und", ""},
		{"numbers only", "2021-12-08", "12 345 678", "und", ""},
		{"one word", "dcomic #2", "", "und", ""},
		{"PGP block", "HMA", pgp, "und", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang, script := DetectLang(tt.title, tt.body)
			if lang != tt.lang || script != tt.script {
				t.Errorf("DetectLang(%q, %q) = %q, %q; want %q, %q",
					tt.title, textcut.Prefix(tt.body, 60), lang, script, tt.lang, tt.script)
			}
		})
	}
}

// TestHanScriptTable checks the character sets derived from GB 2312 and
// Big5 on pairs everyone knows, and that shared characters say nothing.
func TestHanScriptTable(t *testing.T) {
	tab := hanScripts()
	for _, pair := range []string{"这這", "们們", "国國", "说說", "时時", "发發", "见見", "门門", "东東", "乐樂", "书書", "车車", "马馬", "鱼魚", "为為"} {
		s, tr := []rune(pair)[0], []rune(pair)[1]
		if got := tab.script(s); got != "Hans" {
			t.Errorf("script(%c) = %q, want Hans", s, got)
		}
		if got := tab.script(tr); got != "Hant" {
			t.Errorf("script(%c) = %q, want Hant", tr, got)
		}
	}
	for _, r := range "挙発県図駅広" {
		if got := tab.script(r); got != "Jpan" {
			t.Errorf("script(%c) = %q, want Jpan", r, got)
		}
	}
	for _, r := range "的是人大中后里干于台" {
		if got := tab.script(r); got != "" {
			t.Errorf("script(%c) = %q, want \"\" (both scripts write it)", r, got)
		}
	}
}

// BenchmarkDetectLang measures detection on a long article of each kind;
// the sample cut keeps the cost flat however long the body is.
func BenchmarkDetectLang(b *testing.B) {
	bodies := map[string]string{
		"sv": strings.Repeat("Diskussionerna kommer att fokusera på ett ökat samarbete mellan de nordiska länderna och USA i frågor som säkerhet, miljö och teknik. ", 200),
		"en": strings.Repeat("Amazon Web Services suffered a major outage on Tuesday that took down websites and apps across the United States. ", 200),
		"vi": strings.Repeat("Amazon sắp công bố một thỏa thuận mới đe dọa đến Microsoft trong lĩnh vực điện toán đám mây. ", 200),
		"zh": strings.Repeat("亚马逊云计算突发故障，多家视频网站及自家快递业务瘫痪。", 400),
	}
	hanScripts()
	for name, body := range bodies {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				DetectLang("title", body)
			}
		})
	}
}

// TestVietnameseSyllables checks the frequent-syllable list: each entry has
// the shape of a syllable, and none is a function word of another
// candidate language, where it would be false evidence.
func TestVietnameseSyllables(t *testing.T) {
	for w := range viFrequent {
		if !isVietnameseSyllable(w) {
			t.Errorf("%q is in viFrequent but not shaped like a syllable", w)
		}
		if otherLangWords[w] {
			t.Errorf("%q is in viFrequent and a common word of another language", w)
		}
	}
	for _, w := range []string{"amazon", "and", "strong", "street", "house", "is"} {
		if isVietnameseSyllable(w) {
			t.Errorf("isVietnameseSyllable(%q) = true, want false", w)
		}
	}
}

// otherLangWords are frequent short words of the European languages, which
// viFrequent must leave out to stay evidence of Vietnamese alone.
var otherLangWords = wordSet(`
	the of and to in is for on with that by at from as are was be it this an or has have will not but
	och att det som en på är av för med till den har de inte om ett vi ny nya jag du ska kan var
	le la les des une du et est pour dans sur au aux que qui pas avec par ce il elle un
	der die das und ist nicht mit von für auf den dem ein eine zu im sich auch des bei nach
	el los las del y que por con para una es se su al lo como o os as do da dos das em um
	il di che per della del con non gli si sono alla nel het een van op voor dat zijn te aan
	dan yang di ke dari untuk dengan ini itu tidak akan pada i w na z nie do to jak po od
	a v se je s pro ale az és hogy egy meg van și în cu care pe din ve bir bu ile ne ma
`)

// FuzzDetectLang checks that any text gets a well-formed answer: "und" or
// two lower-case letters, a script only for Chinese, and the same answer
// twice (no map order may decide a tie).
func FuzzDetectLang(f *testing.F) {
	for _, s := range []string{
		"Ny ambassadör i Colombia", "Amazon sap cong bo mot thoa thuan moi", "AWS宕机",
		"東京都知事選挙、小池氏が三選", "韓國 經濟 성장률 전망", "這是我們國家的新聞", "",
		"2021-12-08", "Правительство объявило о новых мерах", "\xff\xfe", "a b",
	} {
		f.Add(s, s)
	}
	// A line of every language of the news set, mojibake and foreign
	// letters among them (feed/testdata/langnews).
	files, _ := filepath.Glob("testdata/langnews/*/*.txt")
	for _, fn := range files {
		if b, err := os.ReadFile(fn); err == nil {
			line, _, _ := strings.Cut(string(b), "\n")
			f.Add("", line)
		}
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		lang, script := DetectLang(title, body)
		if lang != "und" && (len(lang) != 2 || lang[0] < 'a' || lang[0] > 'z' || lang[1] < 'a' || lang[1] > 'z') {
			t.Fatalf("DetectLang(%q, %q) lang = %q", title, body, lang)
		}
		if script != "" && (lang != "zh" || script != "Hans" && script != "Hant") {
			t.Fatalf("DetectLang(%q, %q) = %q, %q", title, body, lang, script)
		}
		if l2, s2 := DetectLang(title, body); l2 != lang || s2 != script {
			t.Fatalf("DetectLang(%q, %q) = %q, %q then %q, %q", title, body, lang, script, l2, s2)
		}
	})
}
