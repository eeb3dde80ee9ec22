package render

import "strings"

// Markers are Unicode noncharacters (U+FDD0…U+FDEF, reserved for a
// program's internal use and stripped from every input), so none can come
// from an article. They travel through glamour as ordinary text and are
// resolved by the wrapping pass.
const (
	// markSpace+" " is a space of the text. Glamour may drop the space when it
	// wraps a line; the marker survives and says a space was there.
	markSpace = "\uFDD0 "
	// markSpaceRune alone, when glamour dropped its space.
	markSpaceRune = '\uFDD0'
	// markStart and markEnd enclose the inline content of one text block
	// (paragraph, heading, list item text), which the wrapping pass joins
	// and wraps again.
	markStart = "\uFDD1"
	markEnd   = "\uFDD2"
	// markHiOn and markHiOff enclose a search match.
	markHiOn  = '\uFDD3'
	markHiOff = '\uFDD4'
	// markBreak is a hard line break of the markdown.
	markBreak = '\uFDD5'
	// markNothingRune is nothing at all: the alt text of an image without
	// one, so that glamour still shows "[image]".
	markNothingRune = '\uFDD6'
	// markDepth follows markStart once per blockquote around the block, so
	// the wrapping pass knows how many quote bars its lines must carry even
	// where glamour's own wrapping lost them.
	markDepth = "\uFDD7"
	// markGlue is a space no line may break at unless nothing else fits: in
	// style prefixes ("•", "##", "1.") so glamour keeps them on the line of
	// their text, and before a link's number.
	markGlue     = "\uFDD8"
	markGlueRune = '\uFDD8'
)

// isMarker reports the runes this package keeps for itself.
func isMarker(r rune) bool { return r >= 0xFDD0 && r <= 0xFDEF }

// dropMarkers removes every noncharacter of the markers' range.
func dropMarkers(s string) string {
	if !strings.ContainsFunc(s, isMarker) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isMarker(r) {
			return -1
		}
		return r
	}, s)
}
