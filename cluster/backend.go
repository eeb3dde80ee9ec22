// Package cluster keeps yomu's index on a Weaviate cluster, for an archive
// shared by many readers: it pushes the articles of a local index there
// (push.go) and answers the same queries as the local index (search.go),
// from terms made by yomu's own analysis (store.FieldTerms), so both find
// the same articles.
package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// DefaultCollection is the Weaviate collection (class) yomu uses when the
// backend URL names none (?collection=Name).
const DefaultCollection = "YomuArticle"

// Backend is a connection to one collection on a Weaviate cluster.
type Backend struct {
	api        *api
	url        string // as the user gave it, for messages
	class      string
	replicas   int
	consistent string // the consistency level of reads and writes
	stats      statsCache
}

// Open connects to the cluster at rawURL (http://host:port, optionally
// ?collection=Name&replicas=N) and makes sure the collection exists.
func Open(ctx context.Context, rawURL string) (*Backend, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("backend %q: want a URL like http://127.0.0.1:8080", rawURL)
	}
	b := &Backend{url: rawURL, class: DefaultCollection}
	if c := u.Query().Get("collection"); c != "" {
		b.class = c
	}
	if r := u.Query().Get("replicas"); r != "" {
		if b.replicas, err = strconv.Atoi(r); err != nil || b.replicas < 1 {
			return nil, fmt.Errorf("backend %q: replicas must be a number ≥ 1", rawURL)
		}
	}
	b.api = &api{base: u.Scheme + "://" + u.Host, http: &http.Client{Timeout: 60 * time.Second}}
	if err := b.ensureSchema(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// URL is the backend's address as given.
func (b *Backend) URL() string { return b.url }

// Target names the collection for the local outbox (store.EnableOutbox):
// pushing to another cluster or collection starts from every article.
func (b *Backend) Target() string { return b.url + "#" + b.class }

func (b *Backend) wrap(what string, err error) error {
	return fmt.Errorf("%s at backend %s: %w (is the cluster up? see README, \"A shared archive on Weaviate\")", what, b.url, err)
}

// gql runs a GraphQL query and decodes data.<op>.<class> into out.
func (b *Backend) gql(ctx context.Context, op, query string, out any) error {
	data, err := b.api.graphQL(ctx, query)
	if err != nil {
		return err
	}
	var byClass map[string]json.RawMessage
	if err := json.Unmarshal(data[op], &byClass); err != nil || byClass == nil {
		return fmt.Errorf("no %s in the answer", op)
	}
	return json.Unmarshal(byClass[b.class], out)
}

// Nodes returns how many nodes the cluster has.
func (b *Backend) Nodes(ctx context.Context) (int, error) {
	var st struct {
		Nodes []json.RawMessage `json:"nodes"`
	}
	if err := b.api.call(ctx, http.MethodGet, "/v1/nodes", nil, &st); err != nil {
		return 0, b.wrap("list nodes", err)
	}
	return len(st.Nodes), nil
}

// property and class are the parts of Weaviate's schema yomu sets.
type property struct {
	Name            string   `json:"name"`
	DataType        []string `json:"dataType"`
	Tokenization    string   `json:"tokenization,omitempty"`
	IndexSearchable bool     `json:"indexSearchable"`
	IndexFilterable bool     `json:"indexFilterable"`
}

type class struct {
	Class               string         `json:"class"`
	Description         string         `json:"description,omitempty"`
	Vectorizer          string         `json:"vectorizer,omitempty"`
	VectorIndexType     string         `json:"vectorIndexType,omitempty"`
	InvertedIndexConfig map[string]any `json:"invertedIndexConfig,omitempty"`
	ReplicationConfig   struct {
		Factor       int  `json:"factor"`
		AsyncEnabled bool `json:"asyncEnabled"`
	} `json:"replicationConfig"`
	Properties []property `json:"properties,omitempty"`
}

// classDef is the collection: the terms yomu's analysis made, as
// whitespace-separated text (BM25 over them, title weighed as yomu weighs
// it), the fields the filters use, and what the reader shows.
func (b *Backend) classDef(replicas int) class {
	terms := func(name string) property {
		return property{Name: name, DataType: []string{"text"}, Tokenization: "whitespace", IndexSearchable: true, IndexFilterable: true}
	}
	field := func(name, typ string) property {
		p := property{Name: name, DataType: []string{typ}, IndexFilterable: true}
		if typ == "text" || typ == "text[]" {
			p.Tokenization = "field"
		}
		return p
	}
	stored := func(name, typ string) property { return property{Name: name, DataType: []string{typ}} }
	c := class{
		Class:       b.class,
		Description: "yomu articles: terms from yomu's analysis, filter fields, and the text the reader shows",
		Vectorizer:  "none",
		// No vectors are ever sent; the flat index costs nothing when empty.
		VectorIndexType: "flat",
		InvertedIndexConfig: map[string]any{
			"bm25":      map[string]float64{"k1": 1.2, "b": 0.75},
			"stopwords": map[string]string{"preset": "none"}, // yomu drops no word
		},
		Properties: []property{
			field("yid", "text"), field("key", "text"), field("path", "text"), field("url", "text"), field("feed", "text"),
			terms("titleTerms"), terms("bodyTerms"), terms("titleChars"), terms("bodyChars"),
			stored("title", "text"), stored("source", "text"), field("sourceF", "text"),
			field("lang", "text"), field("script", "text"), stored("tags", "text[]"), field("tagsF", "text[]"),
			field("wall", "int"), stored("offset", "int"), field("dateSource", "text"),
			field("titleLen", "int"), field("bodyLen", "int"), // Aggregate means need an index
			stored("format", "text"), stored("encoding", "text"), stored("markdown", "text"), stored("text", "text"),
		},
	}
	// Async replication repairs, in the background, what a replica missed
	// while it was down.
	c.ReplicationConfig.Factor, c.ReplicationConfig.AsyncEnabled = replicas, replicas > 1
	return c
}

func (b *Backend) ensureSchema(ctx context.Context) error {
	if err := b.readReplication(ctx); !isNotFound(err) {
		return err
	}
	replicas := b.replicas
	if replicas == 0 {
		n, err := b.Nodes(ctx)
		if err != nil {
			return err
		}
		replicas = min(n, 2) // every article on two nodes once there are two
	}
	if err := b.api.call(ctx, http.MethodPost, "/v1/schema", b.classDef(replicas), nil); err != nil {
		// Two yomus starting at once: the other one made it.
		if b.readReplication(ctx) == nil {
			return nil
		}
		return b.wrap("create collection "+b.class, err)
	}
	return b.readReplication(ctx)
}

// readReplication reads the collection and sets the consistency level of
// reads and writes: ONE on a replicated collection, so that a node down
// stops neither; none on an unreplicated one, where Weaviate refuses the
// argument. The error is a 404 *apiError when there is no collection.
func (b *Backend) readReplication(ctx context.Context) error {
	var c class
	if err := b.api.call(ctx, http.MethodGet, "/v1/schema/"+url.PathEscape(b.class), nil, &c); err != nil {
		if isNotFound(err) {
			return err
		}
		return b.wrap("read collection "+b.class, err)
	}
	b.consistent = ""
	if c.ReplicationConfig.Factor > 1 {
		b.consistent = "ONE"
	}
	return nil
}

func isNotFound(err error) bool {
	var e *apiError
	return errors.As(err, &e) && e.status == http.StatusNotFound
}
