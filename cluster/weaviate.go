package cluster

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// yomu talks to Weaviate's REST and GraphQL API with net/http. The official
// Go client (weaviate-go-client/v5 v5.5.0) did the same job, but linking it
// added 88 packages whose init ran at the start of every yomu command,
// with or without --backend: 8 ms (13 → 22 ms of package init for a
// `yomu search`, GODEBUG=inittrace=1) and 11.6 MB of binary, against issue
// 13's "a command pays at start only for what it uses". yomu needs six
// calls of it, below.

// api is one Weaviate node's HTTP API.
type api struct {
	base string // scheme://host, no slash
	http *http.Client
}

// apiError is a status Weaviate answered with, and its message.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return fmt.Sprintf("status %d: %s", e.status, e.msg) }

// call sends in (JSON, if not nil) and decodes the answer into out (if
// not nil); a status of 300 or more is an *apiError.
func (a *api) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return &apiError{status: resp.StatusCode, msg: errorText(data)}
	}
	if out == nil || len(data) == 0 {
		return nil
	}
	return json.Unmarshal(data, out)
}

// errorText is the message of Weaviate's {"error":[{"message":…}]}, else
// the body itself.
func errorText(data []byte) string {
	var e struct {
		Error []struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(data, &e) == nil && len(e.Error) > 0 {
		msgs := make([]string, len(e.Error))
		for i, m := range e.Error {
			msgs[i] = m.Message
		}
		return strings.Join(msgs, "; ")
	}
	return strings.TrimSpace(string(data))
}

// graphQL runs a query; Weaviate reports a query's errors with status 200.
func (a *api) graphQL(ctx context.Context, query string) (map[string]json.RawMessage, error) {
	var resp struct {
		Data   map[string]json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := a.call(ctx, http.MethodPost, "/v1/graphql", map[string]string{"query": query}, &resp); err != nil {
		return nil, err
	}
	if len(resp.Errors) > 0 {
		msgs := make([]string, len(resp.Errors))
		for i, e := range resp.Errors {
			msgs[i] = e.Message
		}
		return nil, fmt.Errorf("%s", strings.Join(msgs, "; "))
	}
	return resp.Data, nil
}

// withLevel adds a consistency level to a path, when there is one.
func withLevel(path, level string) string {
	if level == "" {
		return path
	}
	return path + "?consistency_level=" + url.QueryEscape(level)
}

// where is a filter, rendered for GraphQL (gql) or REST (JSON).
type where struct {
	Operator string   `json:"operator"`
	Path     []string `json:"path,omitempty"`
	// One text or int value, or (Contains*) a list of texts.
	Text     *string  `json:"valueText,omitempty"`
	Texts    []string `json:"valueTextArray,omitempty"`
	Int      *int64   `json:"valueInt,omitempty"`
	Operands []*where `json:"operands,omitempty"`
}

func textIs(field, op, v string) *where { return &where{Operator: op, Path: []string{field}, Text: &v} }

func textsAre(field, op string, vs []string) *where {
	return &where{Operator: op, Path: []string{field}, Texts: vs}
}

func intIs(field, op string, v int64) *where {
	return &where{Operator: op, Path: []string{field}, Int: &v}
}

// gql renders the filter as a GraphQL argument: where:{…}.
func (w *where) gql() string { return "where:" + w.gqlValue() }

func (w *where) gqlValue() string {
	var sb strings.Builder
	sb.WriteString("{operator:" + w.Operator)
	if len(w.Path) > 0 {
		sb.WriteString(" path:" + quote(w.Path))
	}
	switch {
	case w.Text != nil:
		sb.WriteString(" valueText:" + quote(*w.Text))
	case w.Texts != nil:
		sb.WriteString(" valueText:" + quote(w.Texts))
	case w.Int != nil:
		sb.WriteString(fmt.Sprintf(" valueInt:%d", *w.Int))
	}
	if len(w.Operands) > 0 {
		ops := make([]string, len(w.Operands))
		for i, o := range w.Operands {
			ops[i] = o.gqlValue()
		}
		sb.WriteString(" operands:[" + strings.Join(ops, ",") + "]")
	}
	return sb.String() + "}"
}

// quote writes strings as GraphQL does: JSON's escapes are GraphQL's.
func quote(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}
