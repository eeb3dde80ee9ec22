package feed

import "strings"

// Vietnamese written without its diacritics (on old sites, in URLs turned
// into titles, by hurried typists) has no tell-tale letter left, and
// n-gram statistics take it for English or Yoruba. It is still unmistakable:
// every word is one syllable of a strict shape, and a handful of syllables
// (cua, cac, nhung, duoc, nguoi …) make up a large part of any text.

// viOnsets are the Vietnamese initial consonants without diacritics,
// longest first so that "ngh" is tried before "ng" and "n".
var viOnsets = []string{
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
}

// viCodas are the final consonants a Vietnamese syllable may end in.
var viCodas = map[string]bool{
	"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true, "nh": true, "p": true, "t": true,
}

// viFrequent are frequent Vietnamese syllables with the diacritics taken
// off. Syllables that are also common words of European languages (an,
// in, to, the, de, la, da, se, du, tu, te, em, den, van, dan, va, con, ma)
// are left out so that they do not count as evidence;
// TestVietnameseSyllables checks the list against such words.
var viFrequent = wordSet(`
	cua cac nhung duoc trong nguoi mot khong cho voi nay thi nhu khi ra bi sau nam ngay theo
	nha cong moi thoa thuan sap bo dong viet nuoc tien nhieu nhat hien tren duoi truoc
	dau lai hanh chinh phai minh anh chung toi hoc sinh giao quoc gia doi thanh pho tinh
	huyen xa kinh tran bong dung cung nhan phap luat xe bao tuc vao len xuong rat hon qua
	bien dang deu lam biet chi tiet dien thoai thuong mai dich vu san pham khach hang
	truong ty trieu ngan hom vua roi cuoc song thoi gian hinh quan ly nganh tre noi chu tich
	uy hoi dai bieu ket thuc doanh nghiep ho tro phat trien kiem tra xay tham gioi thieu cao
	hay thang gio
`)

// wordSet makes a set of the words of a space-separated list.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// unaccentedVietnamese reports ASCII words that read as Vietnamese: nearly
// all of them are well-formed syllables, and many are frequent ones.
func unaccentedVietnamese(words []string) bool {
	var shaped, frequent int
	for _, w := range words {
		if isVietnameseSyllable(w) {
			shaped++
		}
		if viFrequent[w] {
			frequent++
		}
	}
	n := len(words)
	return frequent >= 2 && shaped*10 >= n*7 && frequent*10 >= n*3
}

// isVietnameseSyllable reports whether an ASCII word has the shape of one
// Vietnamese syllable: an optional onset, one to three vowels, an optional
// coda.
func isVietnameseSyllable(w string) bool {
	for _, on := range viOnsets {
		if strings.HasPrefix(w, on) {
			w = w[len(on):]
			break
		}
	}
	v := 0
	for v < len(w) && strings.IndexByte("aeiouy", w[v]) >= 0 {
		v++
	}
	return v >= 1 && v <= 3 && viCodas[w[v:]]
}
