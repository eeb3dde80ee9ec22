// Command gen writes the Chinese, Japanese, Korean and Vietnamese pages of
// the HTML development set: real article text from ../shared/corpus (the
// body yomu parses from the file, split into its paragraphs) wrapped in one
// of three news-site layouts full of boilerplate in the same language. The
// article text is the page's expected body (expected.txt). Run it from the
// repository root (the shared material is found as the tests find it): go run ./feed/testdata/htmlset/gen
package main

import (
	"bufio"
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/yomu-reader/yomu/feed"
	"github.com/yomu-reader/yomu/internal/testenv"
)

// picks are the corpus sources used for each language.
var picks = []struct{ lang, source string }{
	{"zh", "thenewstack-blog-zh"},
	{"ja", "kaigai-matome"},
	{"ko", "koreanews"},
	{"vi", "baomoi-vn-news"},
	{"en", "bbc-news"},
}

func main() {
	corpus, ok := testenv.Shared("corpus")
	if !ok {
		log.Fatalf("%s is absent", corpus)
	}
	labels, err := os.Open(filepath.Join(corpus, "labels.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	defer labels.Close()
	bySource := map[string][]string{}
	sc := bufio.NewScanner(labels)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) == 3 {
			bySource[f[2]] = append(bySource[f[2]], f[0])
		}
	}
	for _, p := range picks {
		n := 0
		for _, path := range bySource[p.source] {
			if n == len(layouts) {
				break
			}
			title, paras, ok := article(corpus, path)
			if !ok {
				continue
			}
			dir := filepath.Join("feed", "testdata", "htmlset", p.lang, fmt.Sprintf("%s-%d", p.lang, n+1))
			write(dir, layouts[n](words[p.lang], title, paras), strings.Join(paras, "\n\n")+"\n", path)
			n++
		}
	}
}

// article reads one corpus file and keeps it when its body is of a news
// article's length.
func article(corpus, path string) (string, []string, bool) {
	data, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(path)))
	if err != nil {
		log.Fatal(err)
	}
	arts, _, err := feed.Parse(feed.File{Path: path, Data: data})
	if err != nil || len(arts) != 1 {
		return "", nil, false
	}
	var paras []string
	for _, p := range strings.Split(arts[0].Text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	n := utf8.RuneCountInString(arts[0].Text)
	return arts[0].Title, paras, n >= 600 && n <= 6000 && len(paras) >= 3
}

func write(dir, page, expected, from string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	for name, text := range map[string]string{"source.html": page, "expected.txt": expected, "from.txt": from + "\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// boiler is the boilerplate of a news site in one language.
type boiler struct {
	htmlLang, site, byline, date string
	nav, share, teasers, popular []string
	caption, related, mostRead   string
	comments                     []string
	commentsHead, footer, editor string
	ad, readMore, tags           string
	signup, bio, credit          string
}

var words = map[string]boiler{
	"zh": {
		htmlLang: "zh-CN", site: "新闻网", byline: "记者 张伟 报道", date: "2024年6月12日 09:30",
		nav:     []string{"首页", "国内", "国际", "财经", "科技", "体育", "娱乐", "视频"},
		share:   []string{"分享到微信", "分享到微博", "复制链接"},
		caption: "图为资料图片，与本文内容无关（图片来源：视觉中国）",
		related: "相关阅读",
		teasers: []string{
			"多地出台新政支持新能源汽车消费，业内人士称市场有望持续回暖",
			"暑期旅游市场升温，热门景区门票预约量同比增长三成以上",
			"专家解读：人工智能大模型如何改变传统制造业的生产方式",
			"今年高考报名人数再创新高，各地考点做好防暑降温准备工作",
		},
		mostRead: "热门排行",
		popular: []string{
			"央行宣布下调存款准备金率零点五个百分点", "台风“海燕”预计明日登陆沿海地区",
			"国产大飞机完成首次商业载客飞行", "男子网购手机收到一块砖头，快递公司回应",
			"这些食物千万不要放进冰箱冷藏",
		},
		commentsHead: "网友评论（128条）",
		comments: []string{
			"网友“海阔天空”：写得很好，希望有关部门能够重视这个问题，尽快拿出解决办法。",
			"网友“小李飞刀”：看完这篇文章受益匪浅，已经转发给身边的朋友了，大家都应该看看。",
			"网友“清风明月”：说得容易做起来难，现实情况比文章里写的复杂得多，不能一概而论。",
			"网友“老王”：支持！早就应该这样了，期待后续的报道。",
		},
		footer: "关于我们 | 联系方式 | 广告服务 | 隐私政策 | 版权所有 © 2024 新闻网 京ICP备12345678号",
		editor: "责任编辑：李娜", ad: "广告", readMore: "延伸阅读：", tags: "标签：科技 云计算 开源",
		signup: "订阅我们的每日新闻简报，第一时间获取最新资讯，点击这里免费注册。", bio: "作者简介：张伟，资深科技记者，长期关注云计算、人工智能和开源软件领域，曾获多项新闻奖。", credit: "（本文图片由受访者提供，未经授权不得转载）",
	},
	"ja": {
		htmlLang: "ja", site: "ニュース速報", byline: "文：山田太郎（編集部）", date: "2025年2月3日 10:15",
		nav:     []string{"トップ", "国内", "海外", "経済", "エンタメ", "スポーツ", "IT", "ライフ"},
		share:   []string{"ツイートする", "シェアする", "はてなブックマーク", "LINEで送る"},
		caption: "写真はイメージです（提供：共同通信）",
		related: "関連記事",
		teasers: []string{
			"円安が続く中、訪日外国人観光客の消費額が過去最高を更新した",
			"人気アニメの劇場版が公開初日に興行収入十億円を突破",
			"来週は全国的に気温が上がり、各地で真夏日となる見込み",
			"大手コンビニが新しいセルフレジを全店舗に導入すると発表",
		},
		mostRead: "アクセスランキング",
		popular: []string{
			"新幹線で車内販売が終了へ、利用者から惜しむ声", "東京の家賃相場がこの一年で急上昇",
			"話題のラーメン店に三時間待ちの行列", "大谷選手が今季二十号ホームランを放つ",
			"知らないと損する確定申告の新ルール",
		},
		commentsHead: "コメント（56件）",
		comments: []string{
			"名無しさん：これは本当に興味深い話ですね。日本でも同じような議論が起きてほしいと思います。",
			"通りすがり：海外の反応を見るといつも新しい発見があって面白いです。続きも楽しみにしています。",
			"匿名希望：正直なところ、記事のタイトルと内容が少し違う気がしました。もう少し詳しく知りたいです。",
			"ゲスト：いつも更新ありがとうございます。毎朝の楽しみになっています。",
		},
		footer: "会社概要 | お問い合わせ | 利用規約 | プライバシーポリシー | Copyright © 2025 ニュース速報 All Rights Reserved.",
		editor: "（編集担当：佐藤花子）", ad: "広告", readMore: "あわせて読みたい：", tags: "タグ：海外の反応 話題 まとめ",
		signup: "毎朝届くニュースレターに登録して、最新の記事をいち早くチェックしましょう。登録は無料です。", bio: "山田太郎：テクノロジー担当記者。ソフトウェア開発や海外のネット文化について十年以上取材を続けている。", credit: "（写真：編集部撮影、無断転載を禁じます）",
	},
	"ko": {
		htmlLang: "ko", site: "한국뉴스", byline: "김민수 기자 minsu@example.co.kr", date: "2024.06.12 09:30",
		nav:     []string{"홈", "정치", "경제", "사회", "국제", "문화", "스포츠", "연예"},
		share:   []string{"페이스북 공유", "카카오톡 공유", "트위터 공유", "링크 복사"},
		caption: "사진은 기사 내용과 직접 관련이 없습니다. (사진=연합뉴스)",
		related: "관련기사",
		teasers: []string{
			"정부, 하반기 경제정책 방향 발표… 내수 활성화에 중점을 둔다",
			"장마 시작 앞두고 전국 곳곳에서 집중호우 대비 점검에 나섰다",
			"국내 반도체 수출 석 달 연속 증가세, 업계는 회복 기대감",
			"주말 나들이객 몰린 해수욕장, 안전사고 예방에 총력을 기울여",
		},
		mostRead: "많이 본 뉴스",
		popular: []string{
			"서울 아파트값 다시 오름세로 전환", "올여름 역대급 폭염 예고, 전력 수급 비상",
			"유명 배우 결혼 발표에 팬들 축하 물결", "프로야구 올스타 투표 중간 결과 공개",
			"직장인 점심값 평균 만 원 시대",
		},
		commentsHead: "댓글 42개",
		comments: []string{
			"하늘바라기: 좋은 기사 잘 읽었습니다. 앞으로도 이런 정보 많이 알려주세요.",
			"서울시민: 현실은 기사와 많이 다른 것 같네요. 좀 더 현장의 목소리를 들어주셨으면 합니다.",
			"익명: 이런 내용은 처음 알았네요. 주변 사람들에게도 공유해야겠습니다.",
			"지나가던사람: 기자님 수고 많으셨습니다. 후속 기사도 기대하겠습니다.",
		},
		footer: "회사소개 | 광고문의 | 개인정보처리방침 | 청소년보호정책 | Copyright © 2024 한국뉴스. All rights reserved.",
		editor: "편집: 이지은 기자", ad: "광고", readMore: "함께 보면 좋은 기사:", tags: "태그: 뉴스 이슈 사회",
		signup: "매일 아침 주요 뉴스를 이메일로 받아보세요. 지금 뉴스레터를 무료로 구독하실 수 있습니다.", bio: "김민수 기자는 생활경제 분야를 십 년 넘게 취재해 왔으며 소비자 문제에 관심이 많습니다.", credit: "저작권자 © 한국뉴스 무단전재 및 재배포 금지",
	},
	"vi": {
		htmlLang: "vi", site: "Báo Tin Tức", byline: "Phóng viên Nguyễn Văn An", date: "12/06/2024 09:30",
		nav:     []string{"Trang chủ", "Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật", "Sức khỏe"},
		share:   []string{"Chia sẻ Facebook", "Gửi qua Zalo", "Sao chép liên kết"},
		caption: "Ảnh minh họa (Nguồn: Internet)",
		related: "Tin liên quan",
		teasers: []string{
			"Giá xăng dầu tiếp tục giảm trong kỳ điều hành chiều nay, người dân phấn khởi",
			"Hà Nội: Nhiều tuyến phố ngập sâu sau trận mưa lớn kéo dài suốt đêm qua",
			"Đội tuyển Việt Nam công bố danh sách tập trung chuẩn bị cho vòng loại",
			"Xuất khẩu nông sản sáu tháng đầu năm đạt kỷ lục mới, vượt xa kỳ vọng",
		},
		mostRead: "Đọc nhiều nhất",
		popular: []string{
			"Thời tiết hôm nay: Nắng nóng gay gắt trên diện rộng", "Giá vàng hôm nay tăng mạnh trở lại",
			"Lịch nghỉ lễ Quốc khánh năm nay kéo dài bốn ngày", "Cảnh báo chiêu lừa đảo mới qua điện thoại",
			"Điểm chuẩn đại học dự kiến tăng ở nhiều ngành",
		},
		commentsHead: "Bình luận (35)",
		comments: []string{
			"Minh Tuấn: Bài viết rất hay và bổ ích, cảm ơn tác giả đã chia sẻ những thông tin này.",
			"Lan Anh: Mong các cơ quan chức năng sớm có biện pháp xử lý dứt điểm tình trạng này.",
			"Khách: Đọc xong thấy lo quá, không biết bao giờ mới cải thiện được đây.",
			"Hoàng Nam: Ủng hộ, cần thêm nhiều bài viết như thế này nữa.",
		},
		footer: "Giới thiệu | Liên hệ quảng cáo | Chính sách bảo mật | © 2024 Báo Tin Tức. Giấy phép số 123/GP-BTTTT.",
		editor: "Biên tập: Trần Thị Hoa", ad: "Quảng cáo", readMore: "Xem thêm:", tags: "Từ khóa: thời sự xã hội",
		signup: "Đăng ký nhận bản tin hằng ngày để cập nhật những tin tức mới nhất ngay trong hộp thư của bạn.", bio: "Nguyễn Văn An là phóng viên mảng kinh tế, có hơn mười năm kinh nghiệm theo dõi thị trường ô tô và tiêu dùng.", credit: "Bản quyền thuộc về Báo Tin Tức. Cấm sao chép dưới mọi hình thức.",
	},
	"en": {
		htmlLang: "en", site: "Daily Courier", byline: "By Jane Walker, Business Reporter", date: "12 June 2024, 09:30 BST",
		nav:     []string{"Home", "World", "Business", "Politics", "Tech", "Science", "Sport", "Culture"},
		share:   []string{"Share on Facebook", "Share on X", "Email this story", "Copy link"},
		caption: "Shoppers on a busy high street earlier this year. Photograph: Alamy",
		related: "Related stories",
		teasers: []string{
			"Interest rates held again as inflation stays above target for a third month",
			"Train strikes called off after last-minute talks between unions and operators",
			"Scientists warn of record summer temperatures across southern Europe",
			"Why thousands of small businesses are switching banks this year",
		},
		mostRead: "Most read",
		popular: []string{
			"Man finds rare coin worth thousands in garden", "Five things we learned from the budget",
			"Airport chaos as systems fail for second day", "The town that banned cars and never looked back",
			"What the new tax rules mean for your pension",
		},
		commentsHead: "Comments (214)",
		comments: []string{
			"PeterK: Good article, but it misses the point that prices have been rising for years before this.",
			"SallyInLeeds: I work in this sector and can confirm everything said here. Nobody in charge is listening.",
			"rob_1971: Another day, another crisis. I will believe the promises when I see them delivered.",
			"Anon: Thanks for covering this, please keep following the story.",
		},
		footer: "About us | Contact | Advertise | Privacy policy | Cookie settings | © 2024 Daily Courier Ltd. All rights reserved.",
		editor: "Edited by Tom Harris", ad: "Advertisement", readMore: "Read more:", tags: "Topics: Business, Economy",
		signup: "Sign up to our morning briefing and get the day's top stories delivered to your inbox for free.",
		bio:    "Jane Walker is a business reporter covering retail, consumer rights and the high street. She joined the Courier in 2015.",
		credit: "Additional reporting by Sam Lee.",
	},
}

// layouts are seven ways news sites lay out an article page.
var layouts = []func(b boiler, title string, paras []string) string{articleWrapsAll, divSoup, teaserCards, inlineExtras, noHints, bigComments, splitStory}

var e = html.EscapeString

func head(b boiler, title string) string {
	var nav strings.Builder
	for i, n := range b.nav {
		fmt.Fprintf(&nav, `<li><a href="/c/%d">%s</a></li>`, i, e(n))
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="%s"><head><meta charset="utf-8"><title>%s - %s</title>
<meta property="og:site_name" content="%s"><meta property="og:title" content="%s">
<script>window.dataLayer=[];function track(){}</script><style>.ad{height:250px}</style></head>
<body><header class="site-header"><a class="logo" href="/">%s</a><nav class="main-nav"><ul>%s</ul></nav>
<div class="search"><form><input type="text"></form></div></header>
`, b.htmlLang, e(title), e(b.site), e(b.site), e(title), e(b.site), nav.String())
}

func list(items []string, href string) string {
	var s strings.Builder
	for i, it := range items {
		fmt.Fprintf(&s, `<li><a href="%s%d">%s</a></li>`, href, i, e(it))
	}
	return s.String()
}

func shareBar(b boiler) string {
	var s strings.Builder
	s.WriteString(`<div class="share-bar social">`)
	for _, it := range b.share {
		fmt.Fprintf(&s, `<a class="share" href="#share">%s</a> `, e(it))
	}
	return s.String() + "</div>"
}

func comments(b boiler, tag, item string) string {
	var s strings.Builder
	fmt.Fprintf(&s, `<%s id="comments" class="comments"><h3>%s</h3>`, tag, e(b.commentsHead))
	for _, c := range b.comments {
		fmt.Fprintf(&s, `<%s class="comment"><p>%s</p><span class="reply">↩</span></%s>`, item, e(c), item)
	}
	return s.String() + fmt.Sprintf("</%s>", tag)
}

func foot(b boiler) string {
	return fmt.Sprintf(`<footer class="site-footer"><p>%s</p></footer><script>track()</script></body></html>
`, e(b.footer))
}

func paragraphs(paras []string, between func(i int) string) string {
	var s strings.Builder
	for i, p := range paras {
		fmt.Fprintf(&s, "<p>%s</p>\n", e(p))
		if between != nil {
			s.WriteString(between(i))
		}
	}
	return s.String()
}

// articleWrapsAll: one <article> holds the byline, the share bar, a photo
// caption, the body, the related stories and the reader comments.
func articleWrapsAll(b boiler, title string, paras []string) string {
	return head(b, title) + fmt.Sprintf(`<div class="container"><article class="story">
<header><h1>%s</h1><div class="byline">%s <time>%s</time></div>%s</header>
<figure class="lead-photo"><img src="/img/lead.jpg" alt=""><figcaption>%s</figcaption></figure>
<div class="article-body">
%s</div>
<div class="tags">%s</div>%s
<section class="related-stories"><h3>%s</h3><ul>%s</ul></section>
%s
</article>
<aside class="sidebar"><div class="most-read"><h3>%s</h3><ol>%s</ol></div></aside></div>
`, e(title), e(b.byline), e(b.date), shareBar(b), e(b.caption), paragraphs(paras, nil), e(b.tags), shareBar(b),
		e(b.related), list(b.teasers, "/news/"), comments(b, "section", "div"), e(b.mostRead), list(b.popular, "/top/")) + foot(b)
}

// divSoup: no <article> at all; ads and "read more" links sit between the
// paragraphs, the comments and a hot list beside them.
func divSoup(b boiler, title string, paras []string) string {
	inline := func(i int) string {
		switch i {
		case 0:
			return fmt.Sprintf(`<div class="ad ad-inline"><span>%s</span><a href="/ad"><img src="/ad.gif"></a></div>`+"\n", e(b.ad))
		case 1:
			return fmt.Sprintf(`<div class="inline-related"><span>%s</span><a href="/news/9">%s</a></div>`+"\n", e(b.readMore), e(b.teasers[0]))
		}
		return ""
	}
	return head(b, title) + fmt.Sprintf(`<div id="wrapper"><div class="main-col"><div class="crumbs"><a href="/">%s</a> &gt; <a href="/c/1">%s</a></div>
<h1 class="title">%s</h1><p class="meta">%s · %s</p>%s
<div class="content">
%s<p class="editor">%s</p></div>
<div class="hot-list"><h3>%s</h3><ul>%s</ul></div>
%s</div>
<div class="side-col"><div class="rank"><h3>%s</h3><ol>%s</ol></div></div></div>
`, e(b.nav[0]), e(b.nav[1]), e(title), e(b.byline), e(b.date), shareBar(b), paragraphs(paras, inline), e(b.editor),
		e(b.related), list(b.teasers, "/news/"), comments(b, "div", "div"), e(b.mostRead), list(b.popular, "/top/")) + foot(b)
}

// teaserCards: the body is a div; the only <article> elements on the page
// are the teasers of other stories, each long enough to pass for a body.
func teaserCards(b boiler, title string, paras []string) string {
	var cards strings.Builder
	for i, t := range b.teasers {
		fmt.Fprintf(&cards, `<article class="card teaser"><h3><a href="/news/%d">%s</a></h3><p>%s %s %s</p></article>`+"\n",
			i, e(t), e(t), e(b.teasers[(i+1)%len(b.teasers)]), e(b.teasers[(i+2)%len(b.teasers)]))
	}
	return head(b, title) + fmt.Sprintf(`<main id="main"><div class="story-header"><h1>%s</h1><span class="author">%s</span> <span class="date">%s</span></div>
%s<figure><img src="/p.jpg"><figcaption>%s</figcaption></figure>
<div class="story-body" itemprop="articleBody">
%s</div>
<section class="more-stories"><h2>%s</h2>
%s</section>
%s
</main>
`, e(title), e(b.byline), e(b.date), shareBar(b), e(b.caption), paragraphs(paras, nil), e(b.related), cards.String(),
		comments(b, "ul", "li")) + foot(b)
}

// inlineExtras: the body container itself holds a byline, a captioned
// photo, a "read more" link, a newsletter box, the author's bio and a
// credit line between and after the paragraphs.
func inlineExtras(b boiler, title string, paras []string) string {
	inline := func(i int) string {
		switch i {
		case 0:
			return fmt.Sprintf(`<figure class="wp-caption"><img src="/photo.jpg" alt=""><figcaption class="caption">%s</figcaption></figure>`+"\n", e(b.caption))
		case 1:
			return fmt.Sprintf(`<p><strong>%s</strong> <a href="/news/7">%s</a></p>`+"\n", e(b.readMore), e(b.teasers[1]))
		case 2:
			return fmt.Sprintf(`<div class="newsletter-signup"><p>%s</p><form><input type="email"><button>OK</button></form></div>`+"\n", e(b.signup))
		}
		return ""
	}
	return head(b, title) + fmt.Sprintf(`<div class="page"><div class="post">
<h1 class="entry-title">%s</h1>
<div class="entry-content">
<p class="byline"><a rel="author" href="/author/1">%s</a> | %s</p>
%s<p class="credit">%s</p>
<div class="author-bio"><p>%s</p></div>
<div class="post-tags"><a href="/tag/1">%s</a></div>
</div></div>
<div class="widget popular-posts"><h3>%s</h3><ul>%s</ul></div></div>
`, e(title), e(b.byline), e(b.date), paragraphs(paras, inline), e(b.credit), e(b.bio), e(b.tags),
		e(b.mostRead), list(b.popular, "/top/")) + foot(b)
}

// noHints: generated class names that say nothing; the byline links to
// the author's page, the share links and the related stories are bare
// lists of links inside the <article>.
func noHints(b boiler, title string, paras []string) string {
	var share strings.Builder
	for _, it := range b.share {
		fmt.Fprintf(&share, `<li><a href="https://example.com/intent?u=1">%s</a></li>`, e(it))
	}
	return head(b, title) + fmt.Sprintf(`<div class="sc-a1b2c3"><article class="css-9x8y7z">
<h1 class="css-h1k2">%s</h1>
<div class="css-q7w8"><a href="/people/jane">%s</a> <span class="css-d4t3">%s</span></div>
<ul class="css-s0c1">%s</ul>
<div class="css-b0dy">
%s</div>
<div class="css-r3l4"><span class="css-l4b3">%s</span><ul class="css-l1st">%s</ul></div>
</article></div>
`, e(title), e(b.byline), e(b.date), share.String(), paragraphs(paras, nil), e(b.related), list(b.teasers, "/news/")) + foot(b)
}

// bigComments: the <article> holds the story and a thread of reader
// comments with nothing in their class names, each with its author, its
// time and a reply button; the thread is as long as the story or longer.
func bigComments(b boiler, title string, paras []string) string {
	var thread strings.Builder
	for round := 0; round < 3; round++ {
		for i, c := range b.comments {
			fmt.Fprintf(&thread, `<div class="css-c%d"><div class="css-u"><b>#%d</b> <time datetime="2024-06-12T1%d:00">%s</time></div><p>%s</p><button>↩ %s</button></div>`+"\n",
				i, round*len(b.comments)+i+1, i, e(b.date), e(c), e(b.share[0]))
		}
	}
	return head(b, title) + fmt.Sprintf(`<div class="css-w"><article class="css-a1">
<h1>%s</h1>
<div class="css-b">
%s</div>
<section class="css-t"><h3>%s</h3>
%s</section>
</article></div>
`, e(title), paragraphs(paras, nil), e(b.commentsHead), thread.String()) + foot(b)
}

// splitStory: every paragraph sits in wrappers of its own, with an ad and
// a link to another story between them, class names saying nothing.
func splitStory(b boiler, title string, paras []string) string {
	var body strings.Builder
	for i, p := range paras {
		fmt.Fprintf(&body, `<div class="css-p%d"><div class="css-q"><p>%s</p></div></div>`+"\n", i%3, e(p))
		switch i % 3 {
		case 0:
			fmt.Fprintf(&body, `<div class="css-x"><span>%s</span><img src="/ad%d.gif"></div>`+"\n", e(b.ad), i)
		case 1:
			fmt.Fprintf(&body, `<div class="css-y"><a href="/news/%d">%s</a></div>`+"\n", i, e(b.teasers[i%len(b.teasers)]))
		}
	}
	return head(b, title) + fmt.Sprintf(`<main class="css-m"><h1>%s</h1><div class="css-by">%s · %s</div>
<div class="css-s">
%s</div>
<div class="css-z"><h3>%s</h3><ol>%s</ol></div>
</main>
`, e(title), e(b.byline), e(b.date), body.String(), e(b.mostRead), list(b.popular, "/top/")) + foot(b)
}
