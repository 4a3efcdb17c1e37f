package quartz

import "fmt"

// item parses one list item, following CronExpression.storeExpressionVals.
// Text after a complete item is ignored, as in Quartz.
func (p *parser) item(v jstring) *ParseError {
	switch c := v[0]; {
	case isASCIIUpper(c) && !isLastDayForm(v):
		return p.named(v)
	case c == '?':
		return p.noSpecifiedValue(v)
	case c == '*' || c == '/':
		return p.every(v)
	case c == 'L':
		return p.lastDay(v)
	case isASCIIDigit(c):
		val, i, ok := readNumber(0, v, 0)
		if !ok {
			return p.fail(v, "number is too large")
		}
		return p.afterNumber(v, i, val)
	default:
		return p.fail(v, "unexpected character %q", jstring{c}.String())
	}
}

// isLastDayForm reports whether v is one of the L forms Quartz handles
// without looking for a name: L, LW and L-[digits][W].
func isLastDayForm(v jstring) bool {
	if v.equals("L") || v.equals("LW") {
		return true
	}
	if len(v) < 2 || v[0] != 'L' || v[1] != '-' {
		return false
	}
	rest := v[2:]
	for len(rest) > 0 && isASCIIDigit(rest[0]) {
		rest = rest[1:]
	}
	return len(rest) == 0 || rest.equals("W")
}

// named parses an item that starts with a letter: a month or day name,
// optionally followed by a range end, '#n' or 'L'.
func (p *parser) named(v jstring) *ParseError {
	var names []string
	var what string
	switch p.f {
	case fieldMonth:
		names, what = monthNames[:], "month name (JAN-DEC)"
	case fieldDayOfWeek:
		names, what = dayNames[:], "day name (SUN-SAT)"
	}
	switch {
	case p.f == fieldDayOfMonth:
		return p.fail(v, "expected a day of month (1-31), L, L-n, LW or nW")
	case names == nil:
		return p.fail(v, "letters are only allowed in month and day names")
	case len(v) < 3:
		return p.fail(v, "expected a %s", what)
	}
	start := lookupName(names, v[:3])
	if start < 0 {
		return p.fail(v, "%q is not a %s", v[:3].String(), what)
	}
	end := -1
	if len(v) > 3 {
		switch c := v[3]; {
		case c == '-':
			if len(v) < 7 {
				return p.fail(v, "a range must end with a %s", what)
			}
			if end = lookupName(names, v[4:7]); end < 0 {
				return p.fail(v, "%q is not a %s", v[4:7].String(), what)
			}
			if len(v) > 7 {
				p.ignore(v[7:], "Quartz reads a range of names as two three-letter names and ignores what follows, increments included")
			}
		case c == '#' && p.f == fieldDayOfWeek:
			n, ok := javaParseInt(v[4:])
			if !ok || n < 1 || n > 5 {
				return p.fail(v, "'#' must be followed by a number between 1 and 5")
			}
			p.e.nthDayOfWeek = n
		case c == 'L' && p.f == fieldDayOfWeek:
			p.e.lastDayOfWeek = true
			if len(v) > 4 {
				p.ignore(v[4:], "Quartz ignores text after 'L'")
			}
		default:
			p.ignore(v[3:], "Quartz reads only the three-letter name and ignores what follows it, increments included")
		}
	}
	step := 0
	if end != -1 {
		step = 1
	}
	return p.add(v, start, end, step)
}

// noSpecifiedValue parses '?'.
func (p *parser) noSpecifiedValue(v jstring) *ParseError {
	// Quartz tolerates exactly one character after '?'.
	if len(v) > 2 {
		return p.fail(v, "'?' must stand alone")
	}
	if len(v) == 2 {
		p.ignore(v[1:], "Quartz ignores the character after '?'")
	}
	if p.f != fieldDayOfMonth && p.f != fieldDayOfWeek {
		return p.fail(v, "'?' is only allowed in the day-of-month and day-of-week fields")
	}
	if p.f == fieldDayOfWeek && !p.e.lastDayOfMonth {
		last, ok := p.e.sets[fieldDayOfMonth].last()
		if !ok {
			return p.fail(v, "'?' needs a day-of-month value")
		}
		if last == noSpec {
			return p.fail(v, "'?' can be used in day-of-month or day-of-week, not both")
		}
	}
	return p.add(v, noSpec, -1, 0)
}

// every parses '*', '*/n' and '/n'.
func (p *parser) every(v jstring) *ParseError {
	if v[0] == '*' && len(v) == 1 {
		return p.add(v, allSpec, -1, 0)
	}
	if v[0] == '/' && len(v) == 1 {
		return p.fail(v, "'/' must be followed by an increment")
	}
	i := 0
	if v[0] == '*' {
		i = 1
	}
	step := 1 // "*" followed by anything but '/' means "*"
	if v[i] != '/' {
		p.ignore(v[i:], "Quartz ignores text after '*'")
	}
	if v[i] == '/' {
		i++
		if i >= len(v) {
			return p.fail(v, "'/' must be followed by an increment")
		}
		n, ok := javaParseInt(v[i:])
		if !ok {
			return p.fail(v, "the increment after '/' must be a whole number")
		}
		if err := p.checkStep(v, n); err != nil {
			return err
		}
		if n == 0 {
			p.ignore(v[i-1:], "an increment of 0 has no effect: the field means every value, as '*' does")
		}
		step = n
	}
	return p.add(v, allSpec, -1, step)
}

// lastDay parses L, LW, L-n and L-nW.
func (p *parser) lastDay(v jstring) *ParseError {
	switch p.f {
	case fieldDayOfWeek:
		// A bare L in day-of-week is Saturday.
		if len(v) > 1 {
			p.ignore(v[1:], "Quartz ignores text after 'L'")
		}
		return p.add(v, 7, 7, 0)
	case fieldDayOfMonth:
	default:
		// Quartz silently ignores L in other fields.
		p.ignore(v, fmt.Sprintf("'L' has no meaning in the %s field and Quartz ignores it", p.f))
		return nil
	}
	p.e.lastDayOfMonth = true
	i := 1
	if len(v) > i && v[i] == '-' {
		if i+1 >= len(v) {
			return p.fail(v, "'L-' must be followed by the number of days before the last day")
		}
		off, pos, ok := readNumber(0, v, i+1)
		if !ok {
			return p.fail(v, "offset from the last day is too large")
		}
		if off > 30 {
			return p.fail(v, "offset from the last day must be at most 30")
		}
		p.e.lastDayOffset = off
		i = pos
	}
	if len(v) > i && v[i] == 'W' {
		p.e.nearestWeekday = true
	}
	return nil
}

// afterNumber parses what follows the number val, which ends at index i of
// v, following CronExpression.checkNext.
func (p *parser) afterNumber(v jstring, i, val int) *ParseError {
	if i >= len(v) {
		return p.add(v, val, -1, -1)
	}
	switch v[i] {
	case 'L':
		if p.f != fieldDayOfWeek {
			return p.fail(v, "'L' after a number is only allowed in the day-of-week field")
		}
		if val < 1 || val > 7 {
			return p.fail(v, "%s", fields[fieldDayOfWeek].valueRule)
		}
		p.e.lastDayOfWeek = true
		if i+1 < len(v) {
			p.ignore(v[i+1:], "Quartz ignores text after 'L'")
		}
		p.set().add(val)
		return nil
	case 'W':
		if p.f != fieldDayOfMonth {
			return p.fail(v, "'W' is only allowed in the day-of-month field")
		}
		p.e.nearestWeekday = true
		if val > 31 {
			return p.fail(v, "%s", fields[fieldDayOfMonth].valueRule)
		}
		if i+1 < len(v) {
			p.ignore(v[i+1:], "Quartz ignores text after 'W'")
		}
		p.set().add(val)
		return nil
	case '#':
		if p.f != fieldDayOfWeek {
			return p.fail(v, "'#' is only allowed in the day-of-week field")
		}
		n, ok := javaParseInt(v[i+1:])
		if !ok || n < 1 || n > 5 {
			return p.fail(v, "'#' must be followed by a number between 1 and 5")
		}
		p.e.nthDayOfWeek = n
		p.set().add(val)
		return nil
	case '-':
		return p.rangeEnd(v, i+1, val)
	case '/':
		i++
		if i >= len(v) {
			return p.fail(v, "'/' must be followed by an increment")
		}
		// Quartz insists on a digit right after the first digit of the
		// increment (if anything follows it), but ignores text after that.
		if i+1 < len(v) && javaDigit(v[i]) >= 0 && !isASCIIDigit(v[i+1]) {
			return p.fail(v, "unexpected character %q after the increment", v[i+1:i+2].String())
		}
		step, j, ok := readDigits(v, i)
		if !ok {
			return p.fail(v, "the increment after '/' must be a whole number")
		}
		if err := p.checkStep(v, step); err != nil {
			return err
		}
		if step == 0 {
			p.ignore(v[i-1:j], "an increment of 0 has no effect: Quartz keeps only the start value")
		}
		if j < len(v) {
			p.ignore(v[j:], "Quartz ignores text after the increment")
		}
		return p.add(v, val, -1, step)
	default:
		p.ignore(v[i:], "Quartz ignores text after a value")
		return p.add(v, val, -1, 0)
	}
}

// rangeEnd parses the end of a range "a-b" and an optional "/n" after it;
// i indexes the first character after '-'.
func (p *parser) rangeEnd(v jstring, i, start int) *ParseError {
	if i >= len(v) {
		return p.fail(v, "a range must have an end value")
	}
	from := i - 1 // the '-'
	end, i, ok := readDigits(v, i)
	if !ok {
		return p.fail(v, "the end of a range must be a number")
	}
	if i >= len(v) || v[i] != '/' {
		if i < len(v) {
			p.ignore(v[i:], "Quartz ignores text after the end of a range")
		}
		return p.add(v, start, end, 1)
	}
	i++
	if i >= len(v) {
		return p.fail(v, "'/' must be followed by an increment")
	}
	// Quartz does not check the increment of a range.
	step, j, ok := readDigits(v, i)
	if !ok {
		return p.fail(v, "the increment after '/' must be a whole number")
	}
	if step == 0 {
		p.ignore(v[from:j], "with an increment of 0 Quartz keeps only the start of the range; the end and the increment have no effect")
	}
	if j < len(v) {
		p.ignore(v[j:], "Quartz ignores text after the increment")
	}
	return p.add(v, start, end, step)
}

// readDigits reads a number the way Quartz reads range ends and increments:
// one decimal digit (which may be any Unicode decimal digit) followed by any
// number of ASCII digits. It returns the value and the index after it.
func readDigits(v jstring, i int) (int, int, bool) {
	d := javaDigit(v[i])
	if d < 0 {
		return 0, i, false
	}
	i++
	if i < len(v) && isASCIIDigit(v[i]) {
		return readNumber(d, v, i)
	}
	return d, i, true
}

// readNumber continues the number whose leading digits have the value
// prefix with the ASCII digits of v starting at index i (Quartz's getValue).
// It fails when the result does not fit in 32 bits.
func readNumber(prefix int, v jstring, i int) (int, int, bool) {
	n := prefix
	for ; i < len(v) && isASCIIDigit(v[i]); i++ {
		n = n*10 + int(v[i]-'0')
		if n > maxInt32 {
			return 0, i, false
		}
	}
	return n, i, true
}

// checkStep applies Quartz's upper limit for an increment.
func (p *parser) checkStep(v jstring, step int) *ParseError {
	if max := fields[p.f].maxStep; max > 0 && step > max {
		return p.fail(v, "increment must be at most %d", max)
	}
	return nil
}
