package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"testing"
)

// FuzzReadBody: any bytes under any coding give a body within the cap or
// an error, never a panic or more than the cap.
func FuzzReadBody(f *testing.F) {
	const limit = 4096
	for _, coding := range []string{"", "gzip", "deflate", "zstd", "br"} {
		f.Add(coding, []byte("<rss/>"))
	}
	f.Add("gzip", gzipped(make([]byte, 10*limit)))
	f.Add("gzip", gzipped([]byte("<rss/>")))
	f.Add("deflate", zlibbed([]byte("<rss/>")))
	f.Add("deflate", deflated([]byte("<rss/>")))
	f.Add("zstd", zstded([]byte("<rss/>")))
	f.Fuzz(func(t *testing.T, coding string, data []byte) {
		resp := &http.Response{Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(data)), ContentLength: -1}
		resp.Header.Set("Content-Encoding", coding)
		body, err := readBody(resp, limit)
		if err == nil && len(body) > limit {
			t.Fatalf("%d bytes past the %d cap", len(body), limit)
		}
		if err != nil && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrEncoding) {
			t.Fatalf("error %v is neither too large nor undecodable", err)
		}
	})
}
