package ui

import "github.com/charmbracelet/bubbles/key"

// keyMap holds every key of the reader. It is the only place keys are
// named; the help footer and the `?` screen are drawn from it.
type keyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	HalfUp, HalfDown                        key.Binding
	Open, Back, SwitchPane, Clear           key.Binding
	Search, Lang, Source, Sort              key.Binding
	UnreadOnly, ToggleRead, Star, Starred   key.Binding
	Browse, Copy, NextMatch, PrevMatch      key.Binding
	Link, Edit, Fetch, Help, Quit           key.Binding

	// in the query line and the pickers
	Accept, Cancel, Pick, Filter key.Binding

	// while a picker's filter is typed (letters go to the filter)
	FilterUp, FilterDown, FilterKeep, FilterDrop key.Binding
}

func defaultKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:         b([]string{"k", "up"}, "↑/k", "up"),
		Down:       b([]string{"j", "down"}, "↓/j", "down"),
		Top:        b([]string{"g", "home"}, "g/home", "top"),
		Bottom:     b([]string{"G", "end"}, "G/end", "bottom"),
		PageUp:     b([]string{"pgup", "b"}, "pgup/b", "page up"),
		HalfUp:     b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown:   b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		PageDown:   b([]string{"pgdown", " ", "space"}, "pgdn/space", "page down"),
		Open:       b([]string{"enter", "l", "right"}, "enter/l", "open"),
		Back:       b([]string{"esc", "h", "left"}, "esc/h", "back"),
		SwitchPane: b([]string{"tab"}, "tab", "switch pane"),
		Clear:      b([]string{"esc"}, "esc", "clear query, filters"),
		Search:     b([]string{"/"}, "/", "search"),
		Lang:       b([]string{"L"}, "L", "languages"),
		Source:     b([]string{"S"}, "S", "sources"),
		Sort:       b([]string{"s"}, "s", "sort date/relevance"),
		UnreadOnly: b([]string{"u"}, "u", "unread only"),
		ToggleRead: b([]string{"r"}, "r", "toggle read"),
		Star:       b([]string{"f"}, "f", "star"),
		Starred:    b([]string{"F"}, "F", "starred only"),
		Browse:     b([]string{"o"}, "o", "open in browser"),
		Copy:       b([]string{"y"}, "y", "copy URL"),
		NextMatch:  b([]string{"n"}, "n", "next match"),
		PrevMatch:  b([]string{"N"}, "N", "prev match"),
		Link:       b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "#"}, "1-9 enter/#N", "open link N"),
		Edit:       b([]string{"e"}, "e", "edit file"),
		Fetch:      b([]string{"R"}, "R", "fetch feeds"),
		Help:       b([]string{"?"}, "?", "help"),
		Quit:       b([]string{"q", "ctrl+c"}, "q/ctrl+c", "quit"),
		Accept:     b([]string{"enter"}, "enter", "keep"),
		Cancel:     b([]string{"esc"}, "esc", "cancel"),
		Pick:       b([]string{" ", "space", "x"}, "space", "choose"),
		Filter:     b([]string{"/"}, "/", "filter"),
		FilterUp:   b([]string{"up"}, "↑", "up"),
		FilterDown: b([]string{"down"}, "↓", "down"),
		FilterKeep: b([]string{"enter"}, "enter", "keep filter"),
		FilterDrop: b([]string{"esc"}, "esc", "drop filter"),
	}
}

// mode is what the keyboard is talking to.
type mode int

const (
	modeBrowse mode = iota // the list or the reader
	modeSearch             // the query line
	modePicker             // a language or source picker
	modeHelp               // the full help screen
)

func (m mode) String() string {
	return [...]string{"browse", "search", "picker", "help"}[m]
}

// setMode turns bindings on and off so help only shows what works now.
func (k *keyMap) setMode(md mode) {
	browse := md == modeBrowse
	for _, b := range k.browseKeys() {
		b.SetEnabled(browse)
	}
	k.Accept.SetEnabled(md == modeSearch || md == modePicker)
	k.Cancel.SetEnabled(md != modeBrowse)
	k.Pick.SetEnabled(md == modePicker)
	k.Filter.SetEnabled(md == modePicker)
	k.Up.SetEnabled(browse || md == modePicker || md == modeHelp)
	k.Down.SetEnabled(browse || md == modePicker || md == modeHelp)
	// a picker takes neither: its footer names only what works there
	k.Help.SetEnabled(md == modeBrowse || md == modeHelp)
	k.Quit.SetEnabled(md == modeBrowse || md == modeHelp)
}

func (k *keyMap) browseKeys() []*key.Binding {
	return []*key.Binding{&k.Top, &k.Bottom, &k.PageUp, &k.PageDown, &k.HalfUp, &k.HalfDown, &k.Open, &k.Back,
		&k.SwitchPane, &k.Clear, &k.Search, &k.Lang, &k.Source, &k.Sort, &k.UnreadOnly, &k.ToggleRead,
		&k.Star, &k.Starred, &k.Browse, &k.Copy, &k.NextMatch, &k.PrevMatch, &k.Link, &k.Edit, &k.Fetch}
}

// ShortHelp implements help.KeyMap. `? help` is drawn by the status line
// itself so it is never cut.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Open, k.Back, k.Search, k.Lang, k.Source, k.Accept, k.Cancel, k.Pick, k.Filter, k.Quit}
}

// filterHelp is the short help while a picker's filter is typed.
func (k keyMap) filterHelp() []key.Binding {
	return []key.Binding{k.FilterUp, k.FilterDown, k.FilterKeep, k.FilterDrop}
}

// helpScreenHelp is the short help on the `?` screen: esc closes it
// rather than cancelling anything.
func (k keyMap) helpScreenHelp() []key.Binding {
	closeHelp := key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close"))
	return []key.Binding{k.Down, closeHelp, k.Quit}
}

// readerHelp is the short help while the reading pane has the keyboard.
func (k keyMap) readerHelp() []key.Binding {
	return []key.Binding{k.Down, k.PageDown, k.NextMatch, k.Link, k.Browse, k.Copy, k.Back, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Open, k.Back, k.SwitchPane},
		{k.Search, k.Clear, k.Lang, k.Source, k.Sort, k.UnreadOnly, k.Starred, k.Accept, k.Cancel, k.Pick, k.Filter},
		{k.ToggleRead, k.Star, k.Browse, k.Copy, k.NextMatch, k.PrevMatch, k.Link, k.Edit, k.Fetch},
		{k.Help, k.Quit},
	}
}
