package feed

import (
	"net/url"
	"strings"
)

// platformDomains are hosts that carry other people's posts, videos and
// discussions rather than publish articles of their own. A text links to
// them to cite something (a video, a thread, a repository, a short link),
// so a bare link to one at the end of an article is not the article's
// original, and its domain would name a platform, not a publication.
// A host matches its own entry or a parent's: m.youtube.com is youtube.com.
var platformDomains = map[string]bool{
	// video and audio
	"youtube.com": true, "youtu.be": true, "vimeo.com": true, "bilibili.com": true,
	"b23.tv": true, "tiktok.com": true, "douyin.com": true, "twitch.tv": true,
	"spotify.com": true, "soundcloud.com": true,
	// discussion and social networks
	"ycombinator.com": true, "reddit.com": true, "redd.it": true, "twitter.com": true,
	"x.com": true, "facebook.com": true, "fb.com": true, "fb.me": true,
	"instagram.com": true, "threads.net": true, "linkedin.com": true, "weibo.com": true,
	"weibo.cn": true, "t.me": true, "telegram.org": true, "discord.com": true,
	"discord.gg": true, "zulipchat.com": true, "mastodon.social": true, "bsky.app": true,
	"lobste.rs": true, "zhihu.com": true, "douban.com": true,
	// code hosts
	"github.com": true, "gitlab.com": true, "githubusercontent.com": true,
	// short links and redirectors: they hide where they go
	"t.co": true, "bit.ly": true, "goo.gl": true, "tinyurl.com": true, "ow.ly": true,
	"buff.ly": true, "dlvr.it": true, "lnkd.in": true, "google.com": true,
	// file storage: a podcast's mp3 or a PDF, not a page
	"amazonaws.com": true, "cloudfront.net": true, "googleapis.com": true,
	"dropbox.com": true,
}

// fileExts end links to files (media, documents, archives) rather than to
// an article's page.
var fileExts = []string{".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".webm", ".mov", ".pdf", ".zip",
	".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"}

// isPlatformLink reports a link to a platform host (see platformDomains)
// or to a file. Hosts are matched on their own name and every parent
// domain, since publicsuffix makes bucket.s3.amazonaws.com a site of its
// own.
func isPlatformLink(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return false
	}
	p := strings.ToLower(u.Path)
	for _, ext := range fileExts {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	for host := strings.ToLower(u.Hostname()); host != ""; {
		if platformDomains[host] {
			return true
		}
		_, host, _ = strings.Cut(host, ".")
	}
	return false
}
