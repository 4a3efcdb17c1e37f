package quartz

import (
	"fmt"
	"strings"
)

// parse parses expr following CronExpression.buildExpression; maxYear is the
// value of CronExpression.MAX_YEAR to use.
func parse(expr string, maxYear int) (*Expression, error) {
	e := &Expression{maxYear: maxYear}
	tokens := splitOn(toJava(expr), isFieldSeparator)
	n := 0
	for ; n < len(tokens) && n < int(numFields); n++ {
		p := parser{e: e, f: field(n), token: javaTrim(tokens[n])}
		if err := p.parseField(); err != nil {
			return nil, err
		}
		e.tokens[n] = p.token.String()
		if e.tokens[n] == "" {
			// A field that trims to nothing has no values; "," means the
			// same and survives a round trip through String.
			e.tokens[n] = ","
		}
	}
	if n < len(tokens) {
		rest := make([]string, 0, len(tokens)-n)
		for _, t := range tokens[n:] {
			rest = append(rest, t.String())
		}
		e.notes = append(e.notes, Note{
			Position: n + 1,
			Token:    strings.Join(rest, " "),
			Reason:   "Quartz reads at most seven fields (the seventh is the year) and ignores everything after them",
		})
	}
	if n < int(fieldYear) {
		return nil, &ParseError{
			Token: expr,
			Rule:  fmt.Sprintf("expected 6 or 7 fields separated by spaces, found %d", n),
		}
	}
	if n == int(fieldYear) {
		p := parser{e: e, f: fieldYear}
		if err := p.add(nil, allSpec, -1, 0); err != nil {
			return nil, err
		}
	}
	domSpecified := !e.sets[fieldDayOfMonth].contains(noSpec)
	dowSpecified := !e.sets[fieldDayOfWeek].contains(noSpec)
	if domSpecified == dowSpecified {
		rule := "one of day-of-month and day-of-week must be '?': specifying both is not supported"
		if !domSpecified {
			rule = "day-of-month and day-of-week cannot both be '?'"
		}
		return nil, &ParseError{
			Field:    fieldDayOfWeek.String(),
			Position: int(fieldDayOfWeek) + 1,
			Token:    e.tokens[fieldDayOfWeek],
			Rule:     rule,
		}
	}
	return e, nil
}

// parser parses one field into its Expression.
type parser struct {
	e     *Expression
	f     field
	token jstring // the whole field, trimmed
}

// fail builds a ParseError about item (or, when item is nil, the whole
// field).
func (p *parser) fail(item jstring, format string, args ...any) *ParseError {
	if item == nil {
		item = p.token
	}
	return &ParseError{
		Field:    p.f.String(),
		Position: int(p.f) + 1,
		Token:    item.String(),
		Rule:     fmt.Sprintf(format, args...),
	}
}

func (p *parser) set() *valueSet { return &p.e.sets[p.f] }

// parseField checks the rules Quartz applies to a field as a whole and then
// parses each comma-separated item.
func (p *parser) parseField() *ParseError {
	tok := p.token
	hasLastInList := tok.contains('L') && len(tok) > 1 && tok.contains(',')
	switch p.f {
	case fieldDayOfMonth:
		if hasLastInList {
			return p.fail(nil, "'L' and 'LW' cannot be combined with other days of the month in a list")
		}
	case fieldDayOfWeek:
		if hasLastInList {
			return p.fail(nil, "'L' cannot be combined with other days of the week in a list")
		}
		if tok.count('#') > 1 {
			return p.fail(nil, "only one '#' (n-th day of the month) is supported")
		}
	}
	for _, item := range splitOn(tok, isComma) {
		if err := p.item(item); err != nil {
			return err
		}
	}
	p.noteSingleValueModes()
	return nil
}

// noteSingleValueModes records the values of a list that a 'W' or '#' makes
// Quartz ignore: in those modes only the field's smallest value counts.
func (p *parser) noteSingleValueModes() {
	var mode string
	switch {
	case p.f == fieldDayOfMonth && p.e.nearestWeekday && !p.e.lastDayOfMonth:
		mode = "'W' (nearest weekday)"
	case p.f == fieldDayOfWeek && p.e.nthDayOfWeek != 0:
		mode = "'#' (n-th day of the month)"
	default:
		return
	}
	first, ok := p.set().first()
	if !ok {
		return
	}
	if _, more := p.set().ceil(first + 1); !more {
		return
	}
	p.e.notes = append(p.e.notes, Note{
		Field:    p.f.String(),
		Position: int(p.f) + 1,
		Token:    p.token.String(),
		Reason: fmt.Sprintf("with %s in the field Quartz uses only its smallest value, %d; the other values have no effect",
			mode, first),
	})
}

// ignore records that part of an item has no effect, and why.
func (p *parser) ignore(part jstring, reason string) {
	p.e.notes = append(p.e.notes, Note{
		Field:    p.f.String(),
		Position: int(p.f) + 1,
		Token:    part.String(),
		Reason:   reason,
	})
}

// add stores val (or the range val-end stepping by step) into the field's
// set, following CronExpression.addToSet. A step of 0 or -1 means a single
// value; val may be the allSpec or noSpec marker.
func (p *parser) add(v jstring, val, end, step int) *ParseError {
	if !inRange(p.f, val, end) {
		return p.fail(v, "%s", fields[p.f].valueRule)
	}
	set := p.set()
	if (step == 0 || step == -1) && val != allSpec {
		set.add(val)
		return nil
	}
	if val == allSpec && step <= 0 {
		step = 1
		set.add(allSpec)
	}
	info := fields[p.f]
	hi := info.hi
	if p.f == fieldYear {
		hi = p.e.maxYear
	}
	start, stop := val, end
	if stop == -1 {
		stop = hi
	}
	if start == -1 || start == allSpec {
		start = info.lo
	}
	if stop >= start {
		set.addRange(start, stop, step)
		return nil
	}
	if info.cycle == 0 {
		return p.fail(v, "the start year must not be after the end year")
	}
	// A range that ends before it starts wraps around the field's cycle;
	// start is within the cycle here, so the loop is short.
	if step <= 0 {
		return nil // unreachable: only markers come with a step below 1
	}
	for i := start; i <= stop+info.cycle; i += step {
		x := i % info.cycle
		if x == 0 && info.lo == 1 {
			x = info.cycle
		}
		set.add(x)
	}
	return nil
}
