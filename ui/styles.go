package ui

import (
	"os"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"github.com/yomu-reader/yomu/internal/termbg"
)

// Named colours, each with a dark- and a light-background shade. The theme
// is chosen once at startup; nothing queries the terminal while running.
var (
	accentDark, accentLight   = lipgloss.Color("#7D9CFF"), lipgloss.Color("#3550C8")
	dimDark, dimLight         = lipgloss.Color("#8A8A8A"), lipgloss.Color("#6A6A6A")
	matchDark, matchLight     = lipgloss.Color("#FFD75F"), lipgloss.Color("#AF5F00")
	selectBgDark, selectLight = lipgloss.Color("#303850"), lipgloss.Color("#DCE3FF")
	unreadDark, unreadLight   = lipgloss.Color("#5FD7AF"), lipgloss.Color("#007F5F")
	borderDark, borderLight   = lipgloss.Color("#444444"), lipgloss.Color("#BBBBBB")
)

// Styles are every style the UI draws with.
type Styles struct {
	Header, HeaderName, HeaderCount lipgloss.Style
	Status, StatusError             lipgloss.Style
	Row, Selected, SelectedBlur     lipgloss.Style
	Unread, Dim, Match, Star        lipgloss.Style
	CurrentMatch                    lipgloss.Style // the margin mark of the match n/N went to
	FileDate                        lipgloss.Style // a date that is only the file's mtime: fainter than Dim, after a '~'
	Border, FocusBorder             lipgloss.Style
	Badge, StatusRight              lipgloss.Style // the footer's "yomu" and its position
	Title, Meta                     lipgloss.Style
	Rule, Chip                      lipgloss.Style // under the reader's title; a tag
	Picked                          lipgloss.Style
	HelpHeading                     lipgloss.Style // a group's name on the `?` screen
	Help                            help.Styles
}

// resolveTheme turns "auto" into "dark", "light" or "plain": NO_COLOR means
// plain, else the terminal background decides, asked once before the
// program starts. Only "auto" asks: a terminal that does not answer costs
// termbg.Timeout (300 ms) and is taken as dark, as most terminals are.
func resolveTheme(name string, ask func() (dark, ok bool)) string {
	switch name {
	case "dark", "light", "plain":
		return name
	}
	if os.Getenv("NO_COLOR") != "" {
		return "plain"
	}
	dark, ok := ask()
	if !ok {
		dark = true
	}
	lipgloss.SetHasDarkBackground(dark) // so nothing in lipgloss asks again
	if dark {
		return "dark"
	}
	return "light"
}

// askTerminal asks the terminal whether its background is dark.
func askTerminal() (dark, ok bool) { return termbg.Dark(os.Stdin, os.Stdout, termbg.Timeout) }

// defaultStyles builds the styles of a theme ("dark", "light" or "plain").
// Plain keeps bold and reverse video (NO_COLOR allows them) but no colour.
func defaultStyles(theme string) Styles {
	pick := func(dark, light lipgloss.Color) lipgloss.TerminalColor {
		switch theme {
		case "dark":
			return dark
		case "light":
			return light
		}
		return lipgloss.NoColor{}
	}
	accent := pick(accentDark, accentLight)
	dim := pick(dimDark, dimLight)
	s := Styles{
		Header:       lipgloss.NewStyle().Bold(true),
		HeaderName:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		HeaderCount:  lipgloss.NewStyle().Foreground(dim),
		Status:       lipgloss.NewStyle().Foreground(dim),
		StatusError:  lipgloss.NewStyle().Bold(true),
		Row:          lipgloss.NewStyle(),
		Selected:     lipgloss.NewStyle().Bold(true).Background(pick(selectBgDark, selectLight)),
		Unread:       lipgloss.NewStyle().Foreground(pick(unreadDark, unreadLight)),
		Dim:          lipgloss.NewStyle().Foreground(dim),
		FileDate:     lipgloss.NewStyle().Foreground(dim).Faint(true),
		Match:        lipgloss.NewStyle().Bold(true).Underline(true).Foreground(pick(matchDark, matchLight)),
		Star:         lipgloss.NewStyle().Foreground(pick(matchDark, matchLight)),
		CurrentMatch: lipgloss.NewStyle().Bold(true).Foreground(pick(matchDark, matchLight)),
		Border:       lipgloss.NewStyle().Foreground(pick(borderDark, borderLight)),
		Title:        lipgloss.NewStyle().Bold(true).Foreground(accent),
		Meta:         lipgloss.NewStyle().Foreground(dim),
		Picked:       lipgloss.NewStyle().Bold(true).Foreground(accent),
		HelpHeading:  lipgloss.NewStyle().Bold(true).Underline(true),
	}
	s.SelectedBlur = lipgloss.NewStyle().Underline(true)
	if theme == "plain" {
		s.Selected = lipgloss.NewStyle().Reverse(true)
		s.Chip = lipgloss.NewStyle().Reverse(true)
		s.Badge = lipgloss.NewStyle().Reverse(true)
	}
	h := help.New().Styles
	h.ShortKey = lipgloss.NewStyle().Foreground(accent)
	h.FullKey = h.ShortKey
	h.ShortDesc = lipgloss.NewStyle().Foreground(dim)
	h.FullDesc = h.ShortDesc
	h.ShortSeparator = lipgloss.NewStyle().Foreground(dim)
	h.FullSeparator = h.ShortSeparator
	h.Ellipsis = h.ShortSeparator
	s.Help = h
	return s
}
