package lexers

import (
	"embed"
	"io/fs"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed embedded
var embedded embed.FS

// GlobalLexerRegistry is the global LexerRegistry of Lexers.
//
// yomu's patch: it is filled on first use (Load), not at package
// initialisation, where reading the 250 embedded XML definitions cost
// every run of a program that links chroma about 7 ms and 2 MB, whether it
// highlights anything or not. The functions of this package load it
// first; a caller that reads GlobalLexerRegistry directly calls Load.
var GlobalLexerRegistry = chroma.NewLexerRegistry()

var (
	loadOnce sync.Once
	// inGo are the lexers defined in Go (go.go, html.go, …), registered by
	// their package variables before anything is loaded: Load adds them
	// after the embedded ones, the order of the original eager registry,
	// so a Go lexer still replaces an XML one of its name.
	inGo   []chroma.Lexer
	inGoMu sync.Mutex
	loaded bool
	// afterLoad are the package's init steps that change a loaded lexer
	// (dns.go, mysql.go, zed.go set analysers), run at the end of Load.
	afterLoad []func()
)

// onLoad runs f at the end of Load; f must use GlobalLexerRegistry, not
// the package's functions, which would wait for Load.
func onLoad(f func()) { afterLoad = append(afterLoad, f) }

// Load fills GlobalLexerRegistry, once.
func Load() {
	loadOnce.Do(func() {
		paths, err := fs.Glob(embedded, "embedded/*.xml")
		if err != nil {
			panic(err)
		}
		for _, path := range paths {
			GlobalLexerRegistry.Register(chroma.MustNewXMLLexer(embedded, path))
		}
		inGoMu.Lock()
		defer inGoMu.Unlock()
		for _, l := range inGo {
			GlobalLexerRegistry.Register(l)
		}
		loaded = true
		for _, f := range afterLoad {
			f()
		}
	})
}

// Names of all lexers, optionally including aliases.
func Names(withAliases bool) []string {
	Load()
	return GlobalLexerRegistry.Names(withAliases)
}

// Get a Lexer by name, alias or file extension.
//
// Note that this if there isn't an exact match on name or alias, this will
// call Match(), so it is not efficient.
func Get(name string) chroma.Lexer {
	Load()
	return GlobalLexerRegistry.Get(name)
}

// MatchMimeType attempts to find a lexer for the given MIME type.
func MatchMimeType(mimeType string) chroma.Lexer {
	Load()
	return GlobalLexerRegistry.MatchMimeType(mimeType)
}

// Match returns the first lexer matching filename.
//
// Note that this iterates over all file patterns in all lexers, so it's not
// particularly efficient.
func Match(filename string) chroma.Lexer {
	Load()
	return GlobalLexerRegistry.Match(filename)
}

// Register a Lexer with the global registry.
func Register(lexer chroma.Lexer) chroma.Lexer {
	inGoMu.Lock()
	defer inGoMu.Unlock()
	if !loaded {
		inGo = append(inGo, lexer)
		return lexer
	}
	return GlobalLexerRegistry.Register(lexer)
}

// Analyse text content and return the "best" lexer..
func Analyse(text string) chroma.Lexer {
	Load()
	return GlobalLexerRegistry.Analyse(text)
}

// PlaintextRules is used for the fallback lexer as well as the explicit
// plaintext lexer.
func PlaintextRules() chroma.Rules {
	return chroma.Rules{
		"root": []chroma.Rule{
			{`.+`, chroma.Text, nil},
			{`\n`, chroma.Text, nil},
		},
	}
}

// Fallback lexer if no other is found.
var Fallback chroma.Lexer = chroma.MustNewLexer(&chroma.Config{
	Name:      "fallback",
	Filenames: []string{"*"},
	Priority:  -1,
}, PlaintextRules)
