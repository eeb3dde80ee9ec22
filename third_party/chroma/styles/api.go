package styles

import (
	"embed"
	"io/fs"
	"sort"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed *.xml
var embedded embed.FS

// Registry of Styles.
//
// yomu's patch: the embedded styles are read on first use (Load), not at
// package initialisation, where parsing their 70 XML files cost every run
// of a program that links chroma about 8 ms and 1.6 MB, whether it
// highlights anything or not. Get and Names load them first; a
// style registered before that (glamour's "charm", which glamour looks up
// in Registry directly) is kept, as it replaced the embedded one of its
// name in the original eager registry.
var Registry = map[string]*chroma.Style{}

// Fallback style. Reassign to change the default fallback style; nil until
// Load, which sets it to swapoff unless it was reassigned.
var Fallback *chroma.Style

var loadOnce sync.Once

// Load reads the embedded styles into Registry, once.
func Load() {
	loadOnce.Do(func() {
		files, err := fs.ReadDir(embedded, ".")
		if err != nil {
			panic(err)
		}
		for _, file := range files {
			if file.IsDir() {
				continue
			}
			r, err := embedded.Open(file.Name())
			if err != nil {
				panic(err)
			}
			style, err := chroma.NewXMLStyle(r)
			if err != nil {
				panic(err)
			}
			if _, ok := Registry[style.Name]; !ok {
				Registry[style.Name] = style
			}
			_ = r.Close()
		}
		if Fallback == nil {
			Fallback = Registry["swapoff"]
		}
	})
}

// Register a chroma.Style.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}

// Names of all available styles.
func Names() []string {
	Load()
	out := []string{}
	for name := range Registry {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Get named style, or Fallback.
func Get(name string) *chroma.Style {
	Load()
	if style, ok := Registry[name]; ok {
		return style
	}
	return Fallback
}
