package contractdoc

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// cell makes s fit one cell of a Markdown table: one line, pipes escaped,
// and angle brackets outside code spans written as entities so that a
// placeholder such as <access_token> is not taken for HTML.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	inCode := false
	for _, r := range s {
		switch {
		case r == '`':
			inCode = !inCode
			b.WriteRune(r)
		case r == '|':
			b.WriteString(`\|`)
		case r == '<' && !inCode:
			b.WriteString("&lt;")
		case r == '>' && !inCode:
			b.WriteString("&gt;")
		case r == '*' && !inCode:
			b.WriteString(`\*`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// code writes s as a Markdown code span, with a fence longer than any run
// of backticks in s.
func code(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// value writes a JSON value of the document (an enum member, a default, an
// example) as a code span: strings as they are, everything else as JSON.
func value(v any) string {
	if s, ok := v.(string); ok && s != "" {
		return code(s)
	}
	data, err := json.Marshal(v)
	if err != nil {
		return code(fmt.Sprint(v))
	}
	return code(string(data))
}

// number writes a bound of the document without a needless fraction.
func number(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// anchorID turns the parts of a name into an HTML id: lower case, letters,
// digits and dashes.
func anchorID(parts ...string) string {
	var b strings.Builder
	dash := false
	for _, part := range parts {
		for _, r := range strings.ToLower(part) {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				dash = false
				b.WriteRune(r)
				continue
			}
			dash = true
		}
		dash = true
	}
	return b.String()
}

// escapeTemplate keeps text/template, which tfplugindocs runs every
// template through, from reading a literal "{{" of the page as an action.
func escapeTemplate(s string) string {
	return strings.ReplaceAll(s, "{{", `{{"{{"}}`)
}
