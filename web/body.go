package web

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

// acceptEncoding is what the Client asks for: codings it decodes itself so
// that the size cap holds for the decompressed body.
const acceptEncoding = "gzip, deflate, zstd"

// netReader remembers the error the network gave, so that a read failing
// inside the decompressor can be told apart from damaged compressed data.
type netReader struct {
	r   io.Reader
	err error
}

func (n *netReader) Read(p []byte) (int, error) {
	k, err := n.r.Read(p)
	if err != nil && err != io.EOF {
		n.err = err
	}
	return k, err
}

// readBody reads resp's body, decoded, refusing more than limit bytes
// after decompression (a gzip bomb stops at the cap). A failure is
// ErrTooLarge, an encodingError, or the network's error.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	coding := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	if (coding == "" || coding == "identity") && resp.ContentLength > limit {
		return nil, ErrTooLarge
	}
	raw := &netReader{r: resp.Body}
	r, done, err := decoder(coding, bufio.NewReader(raw))
	if err != nil {
		return nil, classify(raw, err)
	}
	defer done()
	body, err := readAll(io.LimitReader(r, limit+1), sizeHint(resp, coding, limit))
	if err != nil {
		return nil, classify(raw, err)
	}
	if int64(len(body)) > limit {
		return nil, ErrTooLarge
	}
	return body, nil
}

// sizeHint is how big the buffer starts: the Content-Length of a plain
// body, so a large feed is read into one allocation of its size rather
// than grown by doubling (which holds up to twice the body at once).
func sizeHint(resp *http.Response, coding string, limit int64) int {
	if (coding == "" || coding == "identity") && resp.ContentLength > 0 {
		return int(min(resp.ContentLength+1, limit+1))
	}
	return 16 << 10
}

// readAll is io.ReadAll into a buffer of size hint to start with.
func readAll(r io.Reader, hint int) ([]byte, error) {
	b := make([]byte, 0, hint)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append pick the growth
		}
	}
}

// encodingError is compressed data that does not decode.
type encodingError struct{ detail string }

func (e *encodingError) Error() string { return e.detail }
func (e *encodingError) Unwrap() error { return ErrEncoding }

// classify tells the network's failure from the decoder's.
func classify(raw *netReader, err error) error {
	if raw.err != nil {
		return raw.err
	}
	return &encodingError{detail: err.Error()}
}

// decoder wraps r in the decompressor coding names, and gives the func
// that frees it. "x-gzip" is gzip's old name; a gzip body whose header is
// not gzip's is read as it is, since some servers label plain bodies gzip.
func decoder(coding string, r *bufio.Reader) (io.Reader, func(), error) {
	nothing := func() {}
	switch coding {
	case "", "identity":
		return r, nothing, nil
	case "gzip", "x-gzip":
		if magic, _ := r.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
			return r, nothing, nil // empty, not gzip, or a network error the next read repeats
		}
		z, err := gzip.NewReader(r)
		return z, nothing, err
	case "deflate":
		z, err := deflateReader(r)
		return z, nothing, err
	case "zstd":
		// One decoder goroutine, and at most an 8 MiB window (the size
		// RFC 8878 asks a decoder to support); the cap is the LimitReader's.
		z, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
			zstd.WithDecoderMaxWindow(8<<20))
		if err != nil {
			return nil, nothing, err
		}
		return z, z.Close, nil
	}
	return nil, nothing, fmt.Errorf("unknown Content-Encoding %q", coding)
}

// deflateReader reads HTTP's "deflate": zlib-wrapped as the RFC says, or
// raw deflate as some servers send it.
func deflateReader(r *bufio.Reader) (io.Reader, error) {
	head, err := r.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(r)
	}
	return flate.NewReader(r), nil
}
