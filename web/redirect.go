package web

import "net/http"

// hops follows one attempt's redirects: it refuses more than max and any
// scheme but http and https, and remembers whether every hop was
// permanent (301/308), which tells the caller to update the stored URL.
type hops struct {
	max          int
	n            int
	allPermanent bool
}

// redirectError is why a redirect was refused.
type redirectError struct {
	cause  error
	target string
}

func (e *redirectError) Error() string { return e.cause.Error() }
func (e *redirectError) Unwrap() error { return e.cause }

// check is the http.Client's CheckRedirect.
func (h *hops) check(req *http.Request, via []*http.Request) error {
	if len(via) > h.max {
		return &redirectError{cause: ErrTooManyRedirects}
	}
	if !httpScheme(req.URL) {
		return &redirectError{cause: ErrScheme, target: req.URL.Redacted()}
	}
	h.n++
	if req.Response == nil || (req.Response.StatusCode != 301 && req.Response.StatusCode != 308) {
		h.allPermanent = false
	}
	return nil
}

// permanentURL is the final URL when there were hops and all were
// permanent, else "".
func (h *hops) permanentURL(final string) string {
	if h.n == 0 || !h.allPermanent {
		return ""
	}
	return final
}
