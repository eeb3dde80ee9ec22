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
)

// acceptEncoding is what the Client asks for: codings it decodes itself so
// that the size cap holds for the decompressed body.
const acceptEncoding = "gzip, deflate"

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
	r, err := decoder(coding, bufio.NewReader(raw))
	if err != nil {
		return nil, classify(raw, err)
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, classify(raw, err)
	}
	if int64(len(body)) > limit {
		return nil, ErrTooLarge
	}
	return body, nil
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

// decoder wraps r in the decompressor coding names. "x-gzip" is gzip's old
// name; a gzip body whose header is not gzip's is read as it is, since
// some servers label plain bodies gzip.
func decoder(coding string, r *bufio.Reader) (io.Reader, error) {
	switch coding {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		if magic, _ := r.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
			return r, nil // empty, not gzip, or a network error the next read repeats
		}
		return gzip.NewReader(r)
	case "deflate":
		return deflateReader(r)
	}
	return nil, fmt.Errorf("unknown Content-Encoding %q", coding)
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
