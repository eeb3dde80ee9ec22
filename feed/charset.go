package feed

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Off-the-shelf detectors get the CJK encodings wrong (x/net's calls GBK and
// Big5 windows-1252; chardet's names need mapping and its short-text guesses
// are poor), so legacy text is decoded with every candidate and the one that
// yields the most common characters of its language wins. Wrong decodings
// give rare characters, invalid sequences or the wrong script.

// commonHan holds the most frequent Chinese characters in both scripts; the
// kanji Japanese uses most are among them.
const commonHan = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚" +
	"這們國為說時會對來過個學後還發經裡點無與長機開實現動問應關頭體聽見從將當認總電樣種兩區報書車東進門間變義處員親語話議讓業歲際幾萬軍記條飛論數產傳華歡灣臺陳張劉黃楊鄭吳謝韓邊難聯聲隊錢則買賣鐵觀響護龍島選舉擊團屬網熱顯確雖請許該須習設場決風統務與們氣"

// commonHangul holds the most frequent Korean syllables.
const commonHangul = "이다의는에을하가고한지서로기사대자도리으인있수시들어정일해것나부적보전게국원요장상제그면동화만내주위성아과와했러비우라세여터년무마소구경조문중발업니진생관신계연방미공개회선실행모및등후더할까됐된되안물통학식용교강출결저없습를은께거려분말금반명현당단체영법운산점월민합력작감표히드오야호차심특직량료속재불음날청난"

var (
	hanSet    = runeSet(commonHan)
	hangulSet = runeSet(commonHangul)
)

type legacyCandidate struct {
	name string
	enc  encoding.Encoding
	hit  func(rune) bool
}

var legacyCandidates = []legacyCandidate{
	{"gb18030", simplifiedchinese.GB18030, isCommonHan},
	{"big5", traditionalchinese.Big5, isCommonHan},
	{"shift_jis", japanese.ShiftJIS, isJapanese},
	{"euc-jp", japanese.EUCJP, isJapanese},
	{"euc-kr", korean.EUCKR, isCommonHangul},
}

// detectLegacy names the most likely legacy encoding of data, which is not
// valid UTF-8; windows-1252 when no CJK decoding makes sense (a Latin-1
// pound sign in English text, say).
func detectLegacy(data []byte) (encoding.Encoding, string) {
	sample := data[:min(len(data), 64<<10)]
	best, bestScore := -1, 0.25
	for i, c := range legacyCandidates {
		if s := scoreDecoding(c, sample); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return charmap.Windows1252, "windows-1252"
	}
	return legacyCandidates[best].enc, legacyCandidates[best].name
}

// scoreDecoding is the share of non-ASCII characters that are common in the
// candidate's language, less a heavy penalty for invalid sequences.
func scoreDecoding(c legacyCandidate, sample []byte) float64 {
	out, err := c.enc.NewDecoder().Bytes(sample)
	if err != nil {
		return -1
	}
	var nonASCII, hits, bad int
	for _, r := range string(out) {
		switch {
		case r < utf8.RuneSelf:
			continue
		case r == utf8.RuneError:
			bad++
		case c.hit(r):
			hits++
		}
		nonASCII++
	}
	if nonASCII == 0 {
		return -1
	}
	return float64(hits-4*bad) / float64(nonASCII)
}

func isCommonHan(r rune) bool    { return hanSet[r] }
func isCommonHangul(r rune) bool { return hangulSet[r] }

// isJapanese counts kana (not the half-width kind, which misread Chinese
// bytes produce) and common kanji.
func isJapanese(r rune) bool {
	return r >= 0x3041 && r <= 0x30ff || hanSet[r] || strings.ContainsRune("、。「」", r)
}

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, len(s)/3)
	for _, r := range s {
		m[r] = true
	}
	return m
}
