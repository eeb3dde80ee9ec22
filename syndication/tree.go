package syndication

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A feed is read into a small tree first, then walked per format. The tree
// keeps text and elements in order (Atom's xhtml content is markup to
// serialise back), and a document that breaks off keeps every element read
// before the break: the salvage of a truncated feed is the tree so far.

// node is one element, or one run of text when name.Local is "".
type node struct {
	name   xml.Name
	attr   []xml.Attr
	kids   []*node
	text   string
	closed bool // its end tag was read (an item cut off by EOF is not)
}

// autoClose is xml.HTMLAutoClose without "link": RSS's <link> holds text,
// and auto-closing it would empty every item's link. The rest closes the
// void tags of HTML pasted unescaped into a feed (<br>, <img>).
var autoClose = []string{"basefont", "br", "area", "img", "param", "hr", "input", "col", "frame", "isindex", "base", "meta"}

// errHTML marks a document whose root is an HTML page.
var errHTML = errors.New("an HTML page")

// treeBuilder holds the counts that bound one document.
type treeBuilder struct {
	dec      *xml.Decoder
	nodes    int
	items    int
	itemsCut int
	textCut  bool
	warnings []string
}

// parseTree reads an XML document. It fails only when no root element
// could be read; a later error ends the tree where it happened, with a
// warning.
func parseTree(s string) (*node, []string, error) {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = false
	d.AutoClose = autoClose
	d.Entity = xml.HTMLEntity
	// The text is UTF-8 already (toUTF8); the declaration's encoding is
	// only a name now.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	b := &treeBuilder{dec: d}
	root, err := b.root()
	if err != nil {
		return nil, nil, err
	}
	if err := b.fill(root, 1); err != nil && !errors.Is(err, io.EOF) {
		line, _ := d.InputPos()
		b.warnings = append(b.warnings, fmt.Sprintf("the XML breaks off at line %d (%v): kept what came before", line, err))
	}
	if b.itemsCut > 0 {
		b.warnings = append(b.warnings, fmt.Sprintf("%d items past the first %d were left out", b.itemsCut, MaxItems))
	}
	if b.textCut {
		b.warnings = append(b.warnings, fmt.Sprintf("text longer than %d MiB in one element was cut", maxText>>20))
	}
	return root, b.warnings, nil
}

// root reads up to the first element; a DOCTYPE or root of html is a page.
func (b *treeBuilder) root() (*node, error) {
	for {
		tok, err := b.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, ErrNotFeed
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			if d := strings.ToLower(string(t)); strings.HasPrefix(d, "doctype html") {
				return nil, errHTML
			}
		case xml.StartElement:
			if strings.EqualFold(t.Name.Local, "html") {
				return nil, errHTML
			}
			b.nodes++
			return &node{name: t.Name, attr: t.Attr}, nil
		}
	}
}

// fill reads n's content up to its end tag.
func (b *treeBuilder) fill(n *node, depth int) error {
	textLen := 0
	for {
		tok, err := b.dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			n.closed = true
			return nil
		case xml.CharData:
			if textLen+len(t) > maxText {
				b.textCut = true
				t = t[:max(0, maxText-textLen)]
			}
			if len(t) > 0 {
				textLen += len(t)
				n.kids = append(n.kids, &node{text: string(t)})
			}
		case xml.StartElement:
			if err := b.child(n, t, depth+1); err != nil {
				return err
			}
		}
	}
}

// child reads one child element of n, unless a bound says to skip it.
func (b *treeBuilder) child(n *node, t xml.StartElement, depth int) error {
	if isItemName(t.Name.Local) && depth <= 3 {
		b.items++
		if b.items > MaxItems {
			b.itemsCut++
			return b.dec.Skip()
		}
	}
	if depth > maxDepth {
		return b.dec.Skip()
	}
	b.nodes++
	if b.nodes > maxNodes {
		return fmt.Errorf("more than %d elements", maxNodes)
	}
	c := &node{name: t.Name, attr: t.Attr}
	n.kids = append(n.kids, c)
	return b.fill(c, depth)
}

func isItemName(local string) bool { return local == "item" || local == "entry" }
