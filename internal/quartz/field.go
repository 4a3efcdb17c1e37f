package quartz

// field identifies one of the seven positions of a cron expression.
type field int

const (
	fieldSecond field = iota
	fieldMinute
	fieldHour
	fieldDayOfMonth
	fieldMonth
	fieldDayOfWeek
	fieldYear
	numFields
)

// Marker values Quartz stores in the field sets.
const (
	noSpec  = 98 // '?'
	allSpec = 99 // '*'
)

// minYear is the first year of a '*' year field.
const minYear = 1970

// fieldInfo describes how Quartz treats the values of one field.
type fieldInfo struct {
	name string
	// lo and hi bound the values a '*' or an open-ended increment covers.
	// The year's upper bound is per expression (see Expression.maxYear).
	lo, hi int
	// cycle is the modulus used for ranges that wrap past the end, such as
	// "FRI-MON"; 0 means the field does not wrap.
	cycle int
	// maxStep is the largest increment Quartz accepts after '/' (0: no limit).
	maxStep int
	// valueRule describes the range check for plain values.
	valueRule string
}

var fields = [numFields]fieldInfo{
	fieldSecond:     {"seconds", 0, 59, 60, 59, "seconds must be between 0 and 59"},
	fieldMinute:     {"minutes", 0, 59, 60, 59, "minutes must be between 0 and 59"},
	fieldHour:       {"hours", 0, 23, 24, 23, "hours must be between 0 and 23"},
	fieldDayOfMonth: {"day-of-month", 1, 31, 31, 31, "day of month must be between 1 and 31"},
	fieldMonth:      {"month", 1, 12, 12, 12, "month must be between 1 and 12 (or JAN-DEC)"},
	fieldDayOfWeek:  {"day-of-week", 1, 7, 7, 7, "day of week must be between 1 and 7 (or SUN-SAT)"},
	fieldYear:       {"year", minYear, 0, 0, 0, ""},
}

func (f field) String() string { return fields[f].name }

// monthNames and dayNames are indexed by value.
var (
	monthNames = [...]string{"", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}
	dayNames   = [...]string{"", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}
)

// lookupName returns the index of the three-letter name s in names, or -1.
func lookupName(names []string, s jstring) int {
	for i := 1; i < len(names); i++ {
		if s.equals(names[i]) {
			return i
		}
	}
	return -1
}

// inRange reports whether Quartz's range check accepts the value val with
// range end end (-1 when there is none) in field f.
func inRange(f field, val, end int) bool {
	switch f {
	case fieldSecond, fieldMinute, fieldHour:
		return val == allSpec || (val >= fields[f].lo && val <= fields[f].hi && end <= fields[f].hi)
	case fieldDayOfMonth:
		return val == allSpec || val == noSpec || (val >= 1 && val <= 31 && end <= 31)
	case fieldMonth:
		return val == allSpec || (val >= 1 && val <= 12 && end <= 12)
	case fieldDayOfWeek:
		// Quartz only rejects 0 here, not negative values; they cannot be
		// written anyway.
		return val == allSpec || val == noSpec || (val != 0 && val <= 7 && end <= 7)
	}
	return true
}
