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
	"strings"
	"time"

	"github.com/weaviate/weaviate-go-client/v5/weaviate"
	"github.com/weaviate/weaviate/entities/models"
)

// DefaultCollection is the Weaviate collection (class) yomu uses when the
// backend URL names none (?collection=Name).
const DefaultCollection = "YomuArticle"

// Backend is a connection to one collection on a Weaviate cluster.
type Backend struct {
	client     *weaviate.Client
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
	b.client, err = weaviate.NewClient(weaviate.Config{Host: u.Host, Scheme: u.Scheme,
		ConnectionClient: &http.Client{Timeout: 60 * time.Second}})
	if err != nil {
		return nil, b.wrap("connect", err)
	}
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
	resp, err := b.client.GraphQL().Raw().WithQuery(query).Do(ctx)
	if err != nil {
		return err
	}
	if len(resp.Errors) > 0 {
		var msgs []string
		for _, e := range resp.Errors {
			msgs = append(msgs, e.Message)
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	data, ok := resp.Data[op].(map[string]any)
	if !ok {
		return fmt.Errorf("no %s in the answer", op)
	}
	raw, err := json.Marshal(data[b.class])
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

// Nodes returns how many nodes the cluster has.
func (b *Backend) Nodes(ctx context.Context) (int, error) {
	st, err := b.client.Cluster().NodesStatusGetter().Do(ctx)
	if err != nil {
		return 0, b.wrap("list nodes", err)
	}
	return len(st.Nodes), nil
}

// classDef is the collection: the terms yomu's analysis made, as
// whitespace-separated text (BM25 over them, title weighed as yomu weighs
// it), the fields the filters use, and what the reader shows.
func (b *Backend) classDef(replicas int) *models.Class {
	no, yes := false, true
	prop := func(name, typ, tok string, search, filter bool) *models.Property {
		p := &models.Property{Name: name, DataType: []string{typ}, IndexSearchable: &no, IndexFilterable: &no}
		if search {
			p.IndexSearchable = &yes
		}
		if filter {
			p.IndexFilterable = &yes
		}
		if tok != "" {
			p.Tokenization = tok
		}
		return p
	}
	terms := func(name string) *models.Property { return prop(name, "text", "whitespace", true, true) }
	field := func(name string) *models.Property { return prop(name, "text", "field", false, true) }
	stored := func(name, typ string) *models.Property { return prop(name, typ, "", false, false) }
	return &models.Class{
		Class:       b.class,
		Description: "yomu articles: terms from yomu's analysis, filter fields, and the text the reader shows",
		Vectorizer:  "none",
		// No vectors are ever sent; the flat index costs nothing when empty.
		VectorIndexType: "flat",
		InvertedIndexConfig: &models.InvertedIndexConfig{
			Bm25:      &models.BM25Config{K1: 1.2, B: 0.75},
			Stopwords: &models.StopwordConfig{Preset: "none"}, // yomu drops no word
		},
		// Async replication repairs, in the background, what a replica missed
		// while it was down.
		ReplicationConfig: &models.ReplicationConfig{Factor: int64(replicas), AsyncEnabled: replicas > 1},
		Properties: []*models.Property{
			field("yid"), field("key"), field("path"), field("url"), field("feed"),
			terms("titleTerms"), terms("bodyTerms"), terms("titleChars"), terms("bodyChars"),
			stored("title", "text"), stored("source", "text"), field("sourceF"),
			field("lang"), field("script"), stored("tags", "text[]"), prop("tagsF", "text[]", "field", false, true),
			prop("wall", "int", "", false, true), stored("offset", "int"), field("dateSource"),
			prop("titleLen", "int", "", false, true), prop("bodyLen", "int", "", false, true), // Aggregate means need an index
			stored("format", "text"), stored("encoding", "text"), stored("markdown", "text"), stored("text", "text"),
		},
	}
}

func (b *Backend) ensureSchema(ctx context.Context) error {
	ok, err := b.client.Schema().ClassExistenceChecker().WithClassName(b.class).Do(ctx)
	if err != nil {
		return b.wrap("read the schema", err)
	}
	if ok {
		return b.readReplication(ctx)
	}
	replicas := b.replicas
	if replicas == 0 {
		n, err := b.Nodes(ctx)
		if err != nil {
			return err
		}
		replicas = min(n, 2) // every article on two nodes once there are two
	}
	if err := b.client.Schema().ClassCreator().WithClass(b.classDef(replicas)).Do(ctx); err != nil {
		// Two yomus starting at once: the other one made it.
		if again, err2 := b.client.Schema().ClassExistenceChecker().WithClassName(b.class).Do(ctx); err2 == nil && again {
			return b.readReplication(ctx)
		}
		return b.wrap("create collection "+b.class, err)
	}
	return b.readReplication(ctx)
}

// readReplication sets the consistency level of reads and writes: ONE on
// a replicated collection, so that a node down stops neither; none on an
// unreplicated one, where Weaviate refuses the argument.
func (b *Backend) readReplication(ctx context.Context) error {
	c, err := b.client.Schema().ClassGetter().WithClassName(b.class).Do(ctx)
	if err != nil {
		return b.wrap("read collection "+b.class, err)
	}
	b.consistent = ""
	if c.ReplicationConfig != nil && c.ReplicationConfig.Factor > 1 {
		b.consistent = "ONE"
	}
	return nil
}

// Drop deletes the collection and everything in it.
func (b *Backend) Drop(ctx context.Context) error {
	if err := b.client.Schema().ClassDeleter().WithClassName(b.class).Do(ctx); err != nil {
		return b.wrap("delete collection "+b.class, err)
	}
	return nil
}
