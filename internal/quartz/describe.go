package quartz

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Describe returns a plain-English description of the schedule, such as
// "At 10:15, on the last Friday of the month". Times are UTC, on a 24-hour
// clock. The description is deterministic and never empty.
//
// A schedule that Quartz would refuse because it never fires again from now
// (see CheckFires) is described as "Never fires: " followed by its meaning.
func (e *Expression) Describe() string {
	return e.describeAt(time.Now())
}

// describeAt is Describe with the current instant given.
func (e *Expression) describeAt(now time.Time) string {
	text := e.describe()
	if e.NeverFires(now) {
		return "Never fires: " + lowerFirst(text)
	}
	return text
}

// describe returns the meaning of the fields, whether or not they fire.
func (e *Expression) describe() string {
	s := e.schedule()
	if len(s.seconds) == 0 || len(s.minutes) == 0 || len(s.hours) == 0 {
		return "A time field has no usable value"
	}
	parts := []string{describeTime(s.seconds, s.minutes, s.hours), describeDays(s)}
	if m := describeMonths(s.months); m != "" {
		parts = append(parts, m)
	}
	if y := describeYears(s.years, e.maxYear); y != "" {
		parts = append(parts, y)
	}
	return strings.Join(parts, ", ")
}

// shape classifies a sorted list of values.
type shape int

const (
	shapeNone   shape = iota // no values
	shapeSingle              // one value
	shapeAll                 // every value of the field's natural range
	shapeRange               // three or more consecutive values
	shapeStep                // a constant gap above 1 (two values only when they span the range)
	shapeList                // anything else
)

// classify returns the shape of vals within the natural range lo-hi and, for
// shapeStep, the gap.
func classify(vals []int, lo, hi int) (shape, int) {
	switch len(vals) {
	case 0:
		return shapeNone, 0
	case 1:
		return shapeSingle, 0
	}
	if len(vals) == hi-lo+1 && vals[0] == lo && vals[len(vals)-1] == hi {
		return shapeAll, 1
	}
	gap := vals[1] - vals[0]
	if len(vals) == 2 {
		if gap > 1 && spansField(vals, gap, lo, hi) {
			return shapeStep, gap // like "0/30"
		}
		return shapeList, 0
	}
	for i := 2; i < len(vals); i++ {
		if vals[i]-vals[i-1] != gap {
			return shapeList, 0
		}
	}
	if gap == 1 {
		return shapeRange, 1
	}
	return shapeStep, gap
}

// run reports whether vals, not the whole range lo-hi, is a run of at least
// three consecutive values, possibly wrapping from hi to lo (as "FRI-MON"
// does), and returns its first and last value.
func run(vals []int, lo, hi int) (first, last int, ok bool) {
	if sh, _ := classify(vals, lo, hi); sh == shapeRange {
		return vals[0], vals[len(vals)-1], true
	}
	if len(vals) < 3 || vals[0] != lo || vals[len(vals)-1] != hi {
		return 0, 0, false
	}
	gapAt := -1
	for i := 1; i < len(vals); i++ {
		if vals[i]-vals[i-1] != 1 {
			if gapAt >= 0 {
				return 0, 0, false
			}
			gapAt = i
		}
	}
	if gapAt < 0 {
		return 0, 0, false
	}
	return vals[gapAt], vals[gapAt-1], true
}

// spansField reports whether a stepped list starts as early and ends as late
// as its gap allows, like "*/5" or "3/5".
func spansField(vals []int, gap, lo, hi int) bool {
	return vals[0]-gap < lo && vals[len(vals)-1]+gap > hi
}

// describeTime describes the time of day.
func describeTime(secs, mins, hours []int) string {
	if len(secs) == 1 && len(mins) == 1 {
		return describeFixedMinute(secs[0], mins[0], hours)
	}
	// A window such as "between 14:00 and 14:55" states the bounds itself.
	needBounds := !isRange(hours, 0, 23)
	if len(secs) == 1 {
		phrase := describeUnit(mins, "minute", "the hour", 0, 59, needBounds)
		if secs[0] != 0 {
			phrase += fmt.Sprintf(", at %s past the minute", plural(secs[0], "second"))
		}
		return withWindow(phrase, hourWindow(hours, mins[0], mins[len(mins)-1]))
	}
	phrase := describeUnit(secs, "second", "the minute", 0, 59, true)
	if sh, _ := classify(mins, 0, 59); sh == shapeAll {
		return withWindow(phrase, hourWindow(hours, 0, 59))
	}
	if len(mins) == 1 && len(hours) == 1 {
		return fmt.Sprintf("%s, between %s and %s", phrase,
			hhmmss(hours[0], mins[0], secs[0]), hhmmss(hours[0], mins[0], secs[len(secs)-1]))
	}
	phrase += ", " + lowerFirst(describeUnit(mins, "minute", "the hour", 0, 59, needBounds))
	return withWindow(phrase, hourWindow(hours, mins[0], mins[len(mins)-1]))
}

func withWindow(phrase, window string) string {
	if window == "" {
		return phrase
	}
	return phrase + ", " + window
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// describeFixedMinute describes a schedule that fires at one second of one
// minute in each of the given hours.
func describeFixedMinute(sec, min int, hours []int) string {
	hourShape, gap := classify(hours, 0, 23)
	switch hourShape {
	case shapeSingle:
		return "At " + clock(hours[0], min, sec)
	case shapeAll:
		if min == 0 && sec == 0 {
			return "Every hour"
		}
		if sec == 0 {
			return fmt.Sprintf("At %s past the hour", plural(min, "minute"))
		}
		return fmt.Sprintf("At %s and %s past the hour", plural(min, "minute"), plural(sec, "second"))
	case shapeStep:
		return fmt.Sprintf("Every %d hours from %s to %s", gap, clock(hours[0], min, sec), clock(hours[len(hours)-1], min, sec))
	}
	if first, last, ok := run(hours, 0, 23); ok {
		return fmt.Sprintf("Every hour from %s to %s", clock(first, min, sec), clock(last, min, sec))
	}
	times := make([]string, len(hours))
	for i, h := range hours {
		times[i] = clock(h, min, sec)
	}
	return "At " + joinAnd(times)
}

// describeUnit describes the values of a seconds or minutes field, such as
// "Every 5 minutes" or "At minutes 0, 15 and 45 past the hour". withBounds
// asks for the first and last value when the phrase would not say them.
func describeUnit(vals []int, unit, of string, lo, hi int, withBounds bool) string {
	sh, gap := classify(vals, lo, hi)
	bounds := ""
	if withBounds {
		bounds = fmt.Sprintf(", from %s %d through %d past %s", unit, vals[0], vals[len(vals)-1], of)
	}
	switch sh {
	case shapeAll:
		return "Every " + unit
	case shapeSingle:
		return fmt.Sprintf("At %s past %s", plural(vals[0], unit), of)
	case shapeRange:
		return "Every " + unit + bounds
	case shapeStep:
		if spansField(vals, gap, lo, hi) {
			if vals[0] != lo && withBounds {
				return fmt.Sprintf("Every %d %ss, starting at %s %d past %s", gap, unit, unit, vals[0], of)
			}
			return fmt.Sprintf("Every %d %ss", gap, unit)
		}
		return fmt.Sprintf("Every %d %ss%s", gap, unit, bounds)
	}
	return fmt.Sprintf("At %ss %s past %s", unit, joinAnd(numbers(vals)), of)
}

// hourWindow limits a description to the given hours, given the first and
// last minute that fire within an hour. It returns "" for every hour.
func hourWindow(hours []int, firstMin, lastMin int) string {
	sh, _ := classify(hours, 0, 23)
	switch sh {
	case shapeAll:
		return ""
	case shapeSingle:
		return fmt.Sprintf("between %s and %s", hhmm(hours[0], firstMin), hhmm(hours[0], lastMin))
	}
	if first, last, ok := run(hours, 0, 23); ok {
		return fmt.Sprintf("between %s and %s", hhmm(first, firstMin), hhmm(last, lastMin))
	}
	return "during hours " + joinAnd(numbers(hours))
}

// isRange reports whether vals is a single value or a run of consecutive
// values (but not all of them).
func isRange(vals []int, lo, hi int) bool {
	_, _, ok := run(vals, lo, hi)
	return len(vals) == 1 || ok
}

// describeDays describes the days a schedule fires on.
func describeDays(s schedule) string {
	switch s.mode {
	case everyDayMode:
		return "every day"
	case lastDayOfMonthMode:
		if s.offset == 0 {
			return "on the last day of the month"
		}
		return fmt.Sprintf("%s before the last day of the month", plural(s.offset, "day"))
	case lastWeekdayMode:
		if s.offset == 0 {
			return "on the last weekday of the month"
		}
		return fmt.Sprintf("on the weekday nearest to %s before the last day of the month", plural(s.offset, "day"))
	case nearestWeekdayMode:
		if len(s.days) == 0 {
			return "on no day"
		}
		return fmt.Sprintf("on the weekday nearest to the %s of the month", ordinal(s.days[0]))
	case lastWeekdayOfMode:
		if len(s.days) == 0 {
			return "on no day"
		}
		return fmt.Sprintf("on the last %s of the month", weekday(s.days[0]))
	case nthWeekdayMode:
		if len(s.days) == 0 {
			return "on no day"
		}
		return fmt.Sprintf("on the %s %s of the month", nthWord(s.nth), weekday(s.days[0]))
	case weekDaysMode:
		sh, _ := classify(s.days, 1, 7)
		switch sh {
		case shapeNone:
			return "on no day"
		case shapeAll:
			return "every day"
		}
		if first, last, ok := run(s.days, 1, 7); ok {
			return weekday(first) + " through " + weekday(last)
		}
		names := make([]string, len(s.days))
		for i, d := range s.days {
			names[i] = weekday(d)
		}
		return "on " + joinAnd(names)
	}
	sh, gap := classify(s.days, 1, 31)
	switch sh {
	case shapeNone:
		return "on no day"
	case shapeAll:
		return "every day"
	case shapeRange:
		return fmt.Sprintf("from the %s to the %s of the month", ordinal(s.days[0]), ordinal(s.days[len(s.days)-1]))
	case shapeStep:
		return fmt.Sprintf("every %d days from the %s to the %s of the month", gap, ordinal(s.days[0]), ordinal(s.days[len(s.days)-1]))
	}
	days := make([]string, len(s.days))
	for i, d := range s.days {
		days[i] = ordinal(d)
	}
	return "on the " + joinAnd(days) + " of the month"
}

// describeMonths describes the months, or returns "" for every month.
func describeMonths(months []int) string {
	sh, gap := classify(months, 1, 12)
	switch sh {
	case shapeNone:
		return "in no month"
	case shapeAll:
		return ""
	case shapeSingle:
		return "only in " + monthName(months[0])
	case shapeStep:
		if spansField(months, gap, 1, 12) {
			return fmt.Sprintf("every %d months, starting in %s", gap, monthName(months[0]))
		}
	}
	if first, last, ok := run(months, 1, 12); ok {
		return monthName(first) + " through " + monthName(last)
	}
	names := make([]string, len(months))
	for i, m := range months {
		names[i] = monthName(m)
	}
	return "in " + joinAnd(names)
}

// describeYears describes the years, or returns "" for every year.
func describeYears(years []int, maxYear int) string {
	sh, gap := classify(years, minYear, maxYear)
	switch sh {
	case shapeNone:
		return fmt.Sprintf("in no year between %d and %d", minYear, maxYear)
	case shapeAll:
		return ""
	case shapeSingle:
		return "only in " + strconv.Itoa(years[0])
	case shapeRange:
		return fmt.Sprintf("from %d through %d", years[0], years[len(years)-1])
	case shapeStep:
		return fmt.Sprintf("every %d years from %d through %d", gap, years[0], years[len(years)-1])
	}
	return "in " + joinAnd(numbers(years))
}
