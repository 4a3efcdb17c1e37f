package quartz

import (
	"strings"
	"time"
)

// Expression is a parsed Quartz cron expression. It is immutable and safe for
// concurrent use.
type Expression struct {
	// tokens holds the normalised text of each field; the year is empty
	// when the expression has only six fields.
	tokens [numFields]string
	// sets holds the values of each field as Quartz stores them.
	sets [numFields]valueSet

	lastDayOfMonth bool // day-of-month L, L-n, LW or L-nW
	lastDayOffset  int  // n of L-n
	nearestWeekday bool // day-of-month nW or LW
	lastDayOfWeek  bool // day-of-week dL
	nthDayOfWeek   int  // n of d#n, 0 when absent

	// maxYear is the last year Quartz produces fire times for: the year in
	// which the expression was parsed plus 100, mirroring
	// CronExpression.MAX_YEAR.
	maxYear int

	// notes lists the parts of the text that Quartz reads but ignores.
	notes []Note
}

// Parse parses a Quartz cron expression of six or seven fields. It accepts
// exactly the strings Quartz 2.3.2 accepts. Errors are of type *ParseError.
//
// Like Quartz, the expression fires at most until the end of the year 100
// years after the current one.
func Parse(expr string) (*Expression, error) {
	return parse(expr, time.Now().UTC().Year()+100)
}

// Describe parses expr and describes it in plain English.
func Describe(expr string) (string, error) {
	e, err := Parse(expr)
	if err != nil {
		return "", err
	}
	return e.Describe(), nil
}

// String returns the expression in normalised form: the fields upper-cased as
// Quartz stores them, separated by single spaces. Fields after the seventh,
// which Quartz ignores, are dropped. Parsing the result yields an equivalent
// expression.
func (e *Expression) String() string {
	n := int(numFields)
	if e.tokens[fieldYear] == "" {
		n--
	}
	return strings.Join(e.tokens[:n], " ")
}

// Equivalent reports whether a and b both parse and describe the same
// schedule, for example because they differ only in letter case, spacing,
// names versus numbers or the way a set of values is written.
func Equivalent(a, b string) bool {
	ea, err := Parse(a)
	if err != nil {
		return false
	}
	eb, err := Parse(b)
	if err != nil {
		return false
	}
	return ea.schedule().equal(eb.schedule())
}

// FiresMoreThanOncePerMinute reports whether the schedule can fire more than
// once within a minute, that is whether its seconds field selects more than
// one second.
func (e *Expression) FiresMoreThanOncePerMinute() bool {
	return len(e.schedule().seconds) > 1
}
