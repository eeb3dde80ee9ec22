package feed

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// story is the text every case must keep whole.
const story = "<p>The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks in two of its piers.</p>" +
	"<p>Cyclists and people on foot may still cross it while a new bridge is built beside it, which the council expects to open in three years.</p>"

// TestStripBoilerplate: what a news site puts around the story inside the
// same container is gone, and the story stays.
func TestStripBoilerplate(t *testing.T) {
	tests := []struct {
		name, extra, gone string
	}{
		{"share bar by class", `<div class="c-share-bar"><span>Share this story</span></div>`, "Share this story"},
		{"related posts in camel case", `<section class="relatedPosts"><p>Bridge repairs cost more than planned last year</p></section>`, "repairs cost"},
		{"byline by class", `<p class="article-byline">By Anna Berg, city reporter</p>`, "Anna Berg"},
		{"byline by an author link", `<p><a href="/author/anna-berg">Anna Berg</a>, city reporter</p>`, "Anna Berg"},
		{"dateline with a time", `<div><span>Published</span> <time datetime="2024-05-01">1 May 2024</time></div>`, "Published"},
		{"photo caption", `<figure><img src="/b.jpg"><figcaption>The bridge seen from the river bank</figcaption></figure>`, "river bank"},
		{"read more link", `<p><strong>Read more:</strong> <a href="/news/2">The city's other bridges are in no better state</a></p>`, "other bridges"},
		{"newsletter box", `<div><p>Get the morning briefing in your inbox every day.</p><form><input type="email"></form></div>`, "morning briefing"},
		{"list of other stories", `<ul><li><a href="/1">Tram line extended</a></li><li><a href="/2">New school opens</a></li><li><a href="/3">Park to get new lights</a></li></ul>`, "Tram line"},
		{"comments by id", `<div id="comments"><p>Reader: about time they did something about that bridge.</p></div>`, "about time"},
		{"most read pair", `<div class="most-read"><p>Storm warning for the coast</p></div>`, "Storm warning"},
		{"aside box", `<aside><p>Fact box: the bridge opened in 1911.</p></aside>`, "Fact box"},
		{"ad slot", `<div class="css-x1"><span>Advertisement</span><img src="/ad.gif"></div>`, "Advertisement"},
		{"ad slot in Korean", `<div><span>광고</span></div>`, "광고"},
		{"credit line", `<p>Photo: Anna Berg/Reuters</p>`, "Anna Berg"},
		{"Vietnamese credit line", `<p><em>Ảnh minh họa: TTXVN</em></p>`, "TTXVN"},
		{"Korean credit line", `<p>사진=연합뉴스</p>`, "연합뉴스"},
		{"Chinese credit line", `<p>（图片来源：视觉中国）</p>`, "视觉中国"},
		{"role complementary", `<div role="complementary"><p>More from the city desk</p></div>`, "city desk"},
		{"date line with a label", `<div><span>Publiziert:</span> <time>03.04.2020, 12:35</time></div>`, "03.04.2020"},
		{"date line without a time", `<div class="x9">Publiziert: 03.04.2020, 12:35</div>`, "03.04.2020"},
		{"date line in English", `<div>Updated May 1, 2024</div>`, "May 1"},
		{"date line of its own", `<time class="full-date-time">Publiziert: 03.04.2020, 12:35</time>`, "03.04.2020"},
		{"paywall prompt", `<section class="article-payant"><h2 class="title-payant">Pour lire la suite</h2></section>`, "lire la suite"},
		{"call to action", `<section class="c-letters-cta"><p>We want to hear what you think about this article.</p></section>`, "hear what you think"},
		{"citation box", `<div class="citate"><p>Berg, The bridge, CityBlog, 2020/4/1.</p></div>`, "CityBlog"},
		{"donation box", `<div><p>If you enjoyed reading this post, support us: <a href="https://steadyhq.com/en/cityblog">click here</a>.</p></div>`, "enjoyed reading"},
		{"lead-in of a list readability took", `<div class="box"><figure><img src="/cover.jpg"></figure><div><p>This story is from issue 7 of the magazine, on sale now. Highlights of the issue:</p></div></div>`, "Highlights"},
		{"read also paragraph", `<p><em>The other bridge of the city: <a href="/news/other-bridge">Repairs there will take two years</a></em></p>`, "two years"},
		{"read also paragraph, short headline", `<p><em>The former commander of the city's police: <a href="/news/police">Crime fell by a third</a></em></p>`, "Crime fell"},
		{"promo box left by its link list", `<div class="box"><figure><img src="/cover.jpg"></figure><div><p>Highlights of the issue:</p>` +
			`<ul><li><a href="/1">Tram line extended</a></li><li><a href="/2">New school opens</a></li><li><a href="/3">Park gets lights</a></li></ul></div></div>`, "Highlights"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strippedText(t, `<div class="story">`+tt.extra+story+`</div>`)
			if strings.Contains(got, tt.gone) {
				t.Errorf("kept %q:\n%s", tt.gone, got)
			}
			if !strings.Contains(got, "cracks in two of its piers") || !strings.Contains(got, "open in three years") {
				t.Errorf("lost the story:\n%s", got)
			}
		})
	}
}

// TestStripBoilerplateKeeps: the story's own text stays, even where it
// looks a little like boilerplate.
func TestStripBoilerplateKeeps(t *testing.T) {
	tests := []struct {
		name, html, kept string
	}{
		{"a section anchored by its heading", `<div id="sharing-with-a-single-developer"><p>The key to shared history is to keep your repositories in step.</p></div>` + story, "keep your repositories"},
		{"a widget holding a photo", `<div class="dnd-widget-wrapper type-image"><img src="/towels.jpg"><p>Clean towels</p></div>` + story, "Clean towels"},
		{"a hashed class name", `<p class="css-1ad3f">The engineers' report runs to 200 pages.</p>` + story, "runs to 200 pages"},
		{"a wrapper saying what it lacks", `<div class="item no_caption">` + story + `</div><p>x</p>`, "cracks in two"},
		{"a wrapper holding most of the text", `<div class="comments-enabled post">` + story + `</div><p>Short line.</p>`, "cracks in two"},
		{"a list of two linked changes", `<ul><li><a href="/bug/1">Fixed the crash when opening a saved tab group</a></li><li><a href="/bug/2">Made start-up faster on slow disks</a></li></ul>` + story, "saved tab group"},
		{"a paragraph with one link", `<p>The report by <a href="/report">the engineers</a> runs to 200 pages and lists every crack found in the piers.</p>` + story, "runs to 200 pages"},
		{"a dateline in the first sentence", `<p><span class="dateline">KOBE – </span>A total of 6,000 surgical masks were stolen from the city's stores on Tuesday, the police said.</p>` + story, "KOBE –"},
		{"a byline name in running text", `<p>The mayor, <span class="author">Anna Berg</span>, said the city had no choice but to close the old bridge to cars.</p>` + story, "Anna Berg"},
		{"a date in a sentence", `<p>The council first voted on <time datetime="2024-05-01">1 May 2024</time> and again a month later, with the same result, after a long debate on what the repairs would cost the city.</p>` + story, "1 May 2024"},
		{"a paragraph ending on a link", `<p>The engineers wrote their findings in <a href="/report">a report of 200 pages</a></p>` + story, "200 pages"},
		{"a chart and the list it introduces", `<div><img src="/chart.png"><p>The engineers found three causes:</p><ul><li>rust in the piers</li><li>salt from the roads</li><li>heavy traffic</li></ul></div>` + story, "three causes:"},
		{"dates of a chronology", `<ul><li><time>1911</time> The bridge opens to traffic after five years of work</li><li><time>1960</time> A second lane is added on each side</li></ul>` + story, "1911"},
		{"a short paragraph with a date", `<p>On 3 May 2024 it rained.</p>` + story, "it rained"},
		{"a figure in a box", `<div>Cost: 3,500,000 euros</div>` + story, "3,500,000"},
		{"a list in the story", `<ul><li>Cars: from next spring</li><li>Bicycles: still allowed</li><li>Buses: diverted</li></ul>` + story, "still allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strippedText(t, `<div>`+tt.html+`</div>`); !strings.Contains(got, tt.kept) {
				t.Errorf("lost %q:\n%s", tt.kept, got)
			}
		})
	}
}

func strippedText(t *testing.T, fragment string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + fragment + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	body := largest(doc, "body")
	return textOf(stripBoilerplate(body.FirstChild))
}

func TestSplitName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"c-share-bar", "c share bar"},
		{"relatedPosts_2", "related posts |"},
		{"mbArticleShareBtn", "| article share |"},
		{"css-1ad3f", "css |"},
		{"sc-AdFxq", "sc | |"},
		{"ad-slot", "ad slot"},
		{"", ""},
	}
	for _, tt := range tests {
		words := splitName(tt.in)
		for i, w := range words {
			if w == "" {
				words[i] = "|"
			}
		}
		if got := strings.Join(words, " "); got != tt.want {
			t.Errorf("splitName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStripBoilerplateKeepsPhotos: a figure named for its caption keeps
// its image; the caption goes.
func TestStripBoilerplateKeepsPhotos(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><body><div><figure class="fig--narrow-caption"><img src="/bridge.jpg">` +
		`<figcaption>The bridge seen from the river bank</figcaption></figure>` + story + `</div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	md := nodeToMarkdown(stripBoilerplate(largest(doc, "body").FirstChild))
	if !strings.Contains(md, "/bridge.jpg") || strings.Contains(md, "river bank") {
		t.Errorf("want the photo without its caption:\n%s", md)
	}
}

// TestStripBoilerplateTrailingHeading: the heading of a comment thread
// that went does not end the story.
func TestStripBoilerplateTrailingHeading(t *testing.T) {
	got := strippedText(t, `<div>`+story+`<section><h3>Comments (214)</h3><div class="comment"><p>Reader: yes.</p></div></section><div class="share"></div></div>`)
	if strings.Contains(got, "Comments") || !strings.Contains(got, "open in three years") {
		t.Errorf("want the story without the heading:\n%s", got)
	}
}

// TestStripBoilerplateKeepsLastPhoto: a story may end on a photo.
func TestStripBoilerplateKeepsLastPhoto(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><body><div>` + story + `<h2>The new bridge</h2><img src="/new.jpg"><div class="share"></div></div></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	md := nodeToMarkdown(stripBoilerplate(largest(doc, "body").FirstChild))
	if !strings.Contains(md, "/new.jpg") || !strings.Contains(md, "The new bridge") {
		t.Errorf("want the last heading and photo kept:\n%s", md)
	}
}

// TestStripBoilerplatePullQuote: a story may end on a pull quote set as a
// heading (a sentence); a section's title at the end still goes.
func TestStripBoilerplatePullQuote(t *testing.T) {
	got := strippedText(t, `<div>`+story+`<h4>“The piers will not last another winter,” the engineers wrote.</h4></div>`)
	if !strings.Contains(got, "another winter") {
		t.Errorf("lost the pull quote:\n%s", got)
	}
	got = strippedText(t, `<div>`+story+`<h3>What the readers say about the bridge</h3></div>`)
	if strings.Contains(got, "readers say") {
		t.Errorf("kept a section title:\n%s", got)
	}
}
