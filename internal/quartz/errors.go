package quartz

import "fmt"

// ParseError reports why an expression is not a valid Quartz cron expression.
type ParseError struct {
	// Field is the name of the offending field: "seconds", "minutes",
	// "hours", "day-of-month", "month", "day-of-week" or "year". It is empty
	// for errors that concern the expression as a whole.
	Field string
	// Position is the 1-based position of the field in the expression, or 0
	// when the error is not specific to one field.
	Position int
	// Token is the offending text: a list item, a whole field or, for
	// whole-expression errors, the expression itself.
	Token string
	// Rule describes the rule that was broken, in plain English.
	Rule string
}

// Error formats the error as
//
//	day-of-month field (position 4): "32W": day of month must be between 1 and 31
func (e *ParseError) Error() string {
	if e.Field == "" {
		if e.Token == "" {
			return "cron expression: " + e.Rule
		}
		return fmt.Sprintf("cron expression %q: %s", e.Token, e.Rule)
	}
	return fmt.Sprintf("%s field (position %d): %q: %s", e.Field, e.Position, e.Token, e.Rule)
}
