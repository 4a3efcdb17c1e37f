package quartz

import (
	"fmt"
	"time"
)

// Note is a part of an expression that Quartz reads without complaint but
// that has no effect on the schedule, such as the "X" of "5X", the "/2" of
// "MON/2" or an eighth field.
type Note struct {
	// Field is the name of the field, as in ParseError; it is empty for
	// text after the seventh field.
	Field string
	// Position is the 1-based position of the field (8 or more for text
	// after the seventh field).
	Position int
	// Token is the text that has no effect.
	Token string
	// Reason says why it has no effect, in plain English.
	Reason string
}

// Ignored lists, in the order they appear, the parts of the expression that
// Quartz reads but that do not change when it fires. The meaning of the
// expression is Quartz's: these parts are ignored, not rejected.
func (e *Expression) Ignored() []Note {
	return append([]Note(nil), e.notes...)
}

// CheckFires reports, as a *ParseError naming the field, why Quartz would
// not schedule the expression at the instant now: its scheduler refuses a
// trigger that never fires again (for example "0 0 12 31 2 ?" or a year in
// the past), and its CronExpression throws while computing the fire times of
// some expressions it parses (a field left without values, such as "L" in
// the seconds field). Schedules whose search never ends are refused as well.
// It returns nil when the expression fires after now.
func (e *Expression) CheckFires(now time.Time) error {
	ms, ok := toMillis(now)
	if !ok {
		return &ParseError{Rule: "the instant is after the last year Quartz searches"}
	}
	_, out := e.timeAfter(ms)
	switch out {
	case fired:
		return nil
	case failed:
		return e.emptyFieldError()
	case looping:
		f := e.dayField()
		return e.fieldError(f, "Quartz's search for the next fire time never ends with this day rule, so the scheduler would hang; "+
			"choose another day of the month")
	}
	// The schedule never fires again. Tell a schedule whose fire times all
	// lie in the past from one that never fires at all.
	if e.tokens[fieldYear] != "" {
		if _, everFired := e.timeAfter(-1000); everFired == fired {
			last := e.lastYear()
			return e.fieldError(fieldYear, fmt.Sprintf("every fire time is in the past (the last year selected is %d), so the schedule never fires again; "+
				"select %d or a later year, or leave the year out", last, now.UTC().Year()))
		}
		if first, ok := e.sets[fieldYear].ceil(minYear); !ok || first > e.maxYear {
			return e.fieldError(fieldYear, fmt.Sprintf("Quartz computes fire times only up to the year %d, so the schedule never fires", e.maxYear))
		}
	}
	f := e.dayField()
	what := "months"
	if e.tokens[fieldYear] != "" {
		what = "months and years"
	}
	return e.fieldError(f, fmt.Sprintf("no day it selects occurs in the %s selected (as the 31st never occurs in February), so the schedule never fires", what))
}

// NeverFires reports whether Quartz would refuse to schedule the expression
// at the instant now; see CheckFires.
func (e *Expression) NeverFires(now time.Time) bool {
	return e.CheckFires(now) != nil
}

// dayField is the day field that selects the days: day-of-month unless it
// is '?'.
func (e *Expression) dayField() field {
	if e.sets[fieldDayOfMonth].contains(noSpec) {
		return fieldDayOfWeek
	}
	return fieldDayOfMonth
}

// lastYear returns the largest year selected up to Quartz's horizon.
func (e *Expression) lastYear() int {
	years := e.sets[fieldYear].upTo(e.maxYear)
	if len(years) == 0 {
		return minYear
	}
	return years[len(years)-1]
}

// emptyFieldError names the first field that has no values, which is what
// makes Quartz throw while computing a fire time.
func (e *Expression) emptyFieldError() *ParseError {
	for f := fieldSecond; f < fieldYear; f++ {
		if f == fieldDayOfMonth || f == fieldDayOfWeek {
			if f != e.dayField() {
				continue
			}
		}
		if _, ok := e.sets[f].first(); ok {
			continue
		}
		rule := "the field selects no value, so Quartz's CronExpression throws an exception when it computes a fire time"
		for _, n := range e.notes {
			if n.Field == f.String() {
				rule += " (" + n.Reason + ")"
				break
			}
		}
		return e.fieldError(f, rule+"; give the field a value such as `0` or `*`")
	}
	return &ParseError{Rule: "Quartz's CronExpression throws an exception when it computes a fire time for this expression"}
}

func (e *Expression) fieldError(f field, rule string) *ParseError {
	return &ParseError{Field: f.String(), Position: int(f) + 1, Token: e.tokens[f], Rule: rule}
}
