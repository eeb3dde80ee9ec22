// Package ngramhash is the hash the language tables are keyed by: the
// tool that writes them (cmd/langmodels) and the detector that reads them
// (feed) must hash an n-gram the same way, so both call this one.
package ngramhash

// FNV32 is FNV-1a over the UTF-8 bytes of s. It is written out rather than
// taken from hash/fnv, whose Hash32 would allocate on the detector's path.
func FNV32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
