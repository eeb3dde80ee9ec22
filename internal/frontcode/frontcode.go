// Package frontcode helps store sorted keys front-coded: each key as the
// length it shares with the one before it and the rest.
package frontcode

// CommonPrefix returns the length in bytes of the prefix a and b share.
func CommonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
