package segments

import "encoding/binary"

// bytePool holds the postings streams of a segment being built: big
// blocks cut into chunks, so that a million growing byte slices cost the
// GC and the allocator nothing (the scheme Lucene's ByteBlockPool uses).
// A chunk starts with the offset of the stream's next chunk (0: none yet)
// and is twice the size of the one before, up to maxChunk.
type bytePool struct {
	blocks [][]byte
	used   int // blocks in use; blocks past it are kept for reuse
	free   int // bytes left in the last block in use
}

const (
	poolBlockBits = 16
	poolBlockSize = 1 << poolBlockBits
	chunkHeader   = 4
	firstChunk    = 16
	maxChunk      = 16 << 10
)

// reset empties the pool, keeping its blocks. Offset 0 is never a chunk,
// so a stream can use it for "none".
func (p *bytePool) reset() {
	p.used, p.free = 0, 0
	p.alloc(firstChunk)
}

// inUse is the memory the pool's chunks take, for the batch bound.
func (p *bytePool) inUse() int { return p.used * poolBlockSize }

// alloc returns the offset of size fresh bytes; chunks never straddle
// blocks.
func (p *bytePool) alloc(size int) uint32 {
	if p.free < size {
		if p.used == len(p.blocks) {
			p.blocks = append(p.blocks, make([]byte, poolBlockSize))
		}
		p.used++
		p.free = poolBlockSize
	}
	at := (p.used-1)<<poolBlockBits | (poolBlockSize - p.free)
	p.free -= size
	return uint32(at)
}

// at returns the pool's bytes from off to the end of its block.
func (p *bytePool) at(off uint32) []byte {
	return p.blocks[off>>poolBlockBits][off&(poolBlockSize-1):]
}

// stream is one growing byte sequence in a bytePool.
type stream struct {
	head, tail uint32 // offsets of the first and last chunks (0: empty)
	used       uint16 // bytes written in the last chunk, after its header
	size       uint16 // the last chunk's size, header included
}

// newChunk starts a chunk of size bytes with no next chunk.
func (p *bytePool) newChunk(size int) uint32 {
	c := p.alloc(size)
	binary.LittleEndian.PutUint32(p.at(c), 0) // blocks are reused
	return c
}

func (s *stream) write(p *bytePool, b []byte) {
	if s.head == 0 && len(b) > 0 {
		s.head = p.newChunk(firstChunk)
		s.tail, s.used, s.size = s.head, 0, firstChunk
	}
	for len(b) > 0 {
		room := int(s.size) - chunkHeader - int(s.used)
		if room == 0 {
			size := min(2*int(s.size), maxChunk)
			c := p.newChunk(size)
			binary.LittleEndian.PutUint32(p.at(s.tail), c)
			s.tail, s.used, s.size = c, 0, uint16(size)
			room = size - chunkHeader
		}
		n := copy(p.at(s.tail)[chunkHeader+int(s.used):chunkHeader+int(s.used)+room], b)
		s.used += uint16(n)
		b = b[n:]
	}
}

// appendTo appends the stream's bytes to dst.
func (s *stream) appendTo(p *bytePool, dst []byte) []byte {
	size := firstChunk
	for c := s.head; c != 0; {
		chunk := p.at(c)
		if c == s.tail {
			return append(dst, chunk[chunkHeader:chunkHeader+int(s.used)]...)
		}
		dst = append(dst, chunk[chunkHeader:size]...)
		c = binary.LittleEndian.Uint32(chunk)
		size = min(2*size, maxChunk)
	}
	return dst
}
