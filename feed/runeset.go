package feed

import "unicode/utf8"

// plainSet is a set of runes that a whole-string check can pass over: most
// text is made only of them, and a string that is can be returned as it
// stands, with one table lookup per rune and no other work.
type plainSet struct {
	bmp     [0x10000 / 64]uint64 // bit r is set when rune r is in the set
	astral  [2]rune              // the runes above the BMP in the set
	invalid bool                 // whether bytes that are not UTF-8 count as in the set
}

func (p *plainSet) add(r rune)         { p.bmp[r/64] |= 1 << (r % 64) }
func (p *plainSet) hasBMP(r rune) bool { return p.bmp[r/64]&(1<<(r%64)) != 0 }

// holds reports whether every rune of s is in the set. It is the hot loop
// of parsing (every field passes here two or three times), so printable
// ASCII is skipped eight bytes at a time, and the common two- and
// three-byte sequences are decoded inline.
func (p *plainSet) holds(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if i&7 == 0 && i+8 <= len(s) && printableASCII8(s[i:i+8]) {
				i += 8
				continue
			}
			if !p.hasBMP(rune(c)) {
				return false
			}
			i++
		case c >= 0xc2 && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			if !p.hasBMP(rune(c&0x1f)<<6 | rune(s[i+1]&0x3f)) {
				return false
			}
			i += 2
		case c >= 0xe1 && c <= 0xef && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
			(c != 0xed || s[i+1] < 0xa0): // ED A0–BF would be a surrogate
			if !p.hasBMP(rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)) {
				return false
			}
			i += 3
		default:
			size, ok := p.holdsRune(s, i)
			if !ok {
				return false
			}
			i += size
		}
	}
	return true
}

// holdsRune is holds for the less common sequences: E0 leads (with
// their overlong rule), four bytes, and bytes that are not UTF-8.
func (p *plainSet) holdsRune(s string, i int) (size int, ok bool) {
	r, size := decodeRune(s, i)
	switch {
	case size == 1:
		return 1, p.invalid
	case r < 0x10000:
		return size, p.hasBMP(r)
	}
	return size, r >= p.astral[0] && r <= p.astral[1]
}

// printableASCII8 reports s[:8] made of ASCII from ' ' to '~', testing
// the eight bytes at once: a byte below 0x20 borrows into its top bit when
// 0x20 is taken from it, one above 0x7e carries into it when 1 is added.
func printableASCII8(s string) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return ((x-0x20*ones)&^x|(x+ones)|x)&tops == 0
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the two- and
// three-byte forms inline; s[i] is not ASCII.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	switch {
	case c >= 0xc2 && c <= 0xdf && i+1 < len(s):
		if c1 := s[i+1]; c1&0xc0 == 0x80 {
			return rune(c&0x1f)<<6 | rune(c1&0x3f), 2
		}
	case c >= 0xe0 && c <= 0xef && i+2 < len(s):
		c1, c2 := s[i+1], s[i+2]
		lo, hi := byte(0x80), byte(0xbf)
		switch c {
		case 0xe0:
			lo = 0xa0 // shorter forms are overlong
		case 0xed:
			hi = 0x9f // surrogates
		}
		if c1 >= lo && c1 <= hi && c2&0xc0 == 0x80 {
			return rune(c&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
