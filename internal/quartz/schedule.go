package quartz

import "slices"

// schedule is the part of an Expression that determines its fire times, in
// canonical form: values that can never influence a fire time are left out,
// so two expressions with equal schedules fire at the same times.
type schedule struct {
	seconds, minutes, hours []int
	mode                    dayMode
	// days holds days of the month or of the week, depending on mode.
	days   []int
	offset int // lastDayOfMonthMode and lastWeekdayMode: days before the last
	nth    int // nthWeekdayMode
	months []int
	years  []int
}

// dayMode says how a schedule selects days.
type dayMode int

const (
	monthDaysMode      dayMode = iota // the days of the month in days
	lastDayOfMonthMode                // L or L-n
	lastWeekdayMode                   // LW or L-nW
	nearestWeekdayMode                // nW; days holds n
	weekDaysMode                      // the days of the week in days
	lastWeekdayOfMode                 // dL; days holds d
	nthWeekdayMode                    // d#n; days holds d
	everyDayMode                      // '*' in either day field
)

// schedule computes the canonical schedule of e.
func (e *Expression) schedule() schedule {
	s := schedule{
		seconds: reachable(&e.sets[fieldSecond], 59),
		minutes: reachable(&e.sets[fieldMinute], 59),
		hours:   reachable(&e.sets[fieldHour], 23),
		months:  reachable(&e.sets[fieldMonth], 12),
	}
	for _, y := range e.sets[fieldYear].upTo(e.maxYear) {
		if y >= minYear {
			s.years = append(s.years, y)
		}
	}
	if e.sets[fieldDayOfMonth].contains(noSpec) {
		// Days are chosen by day of week.
		dow := &e.sets[fieldDayOfWeek]
		switch {
		case e.lastDayOfWeek:
			s.mode, s.days = lastWeekdayOfMode, firstOnly(dow)
		case e.nthDayOfWeek != 0:
			s.mode, s.days, s.nth = nthWeekdayMode, firstOnly(dow), e.nthDayOfWeek
		default:
			s.mode, s.days = weekDaysMode, reachable(dow, 7)
		}
		return s.withEveryDay()
	}
	dom := &e.sets[fieldDayOfMonth]
	switch {
	case e.lastDayOfMonth && e.nearestWeekday:
		s.mode, s.offset = lastWeekdayMode, e.lastDayOffset
	case e.lastDayOfMonth:
		s.mode, s.offset = lastDayOfMonthMode, e.lastDayOffset
	case e.nearestWeekday:
		s.mode, s.days = nearestWeekdayMode, firstOnly(dom)
	default:
		s.mode, s.days = monthDaysMode, reachable(dom, 31)
	}
	return s.withEveryDay()
}

// withEveryDay gives the same form to every day chosen by day of month and
// every day chosen by day of week.
func (s schedule) withEveryDay() schedule {
	all := func(lo, hi int) bool {
		if len(s.days) != hi-lo+1 {
			return false
		}
		for i, d := range s.days {
			if d != lo+i {
				return false
			}
		}
		return true
	}
	if s.mode == monthDaysMode && all(1, 31) || s.mode == weekDaysMode && all(1, 7) {
		s.mode, s.days = everyDayMode, nil
	}
	return s
}

// reachable returns the values of set that Quartz's search can pick when
// the current value of the field is at most limit: every value up to limit
// and, unless limit itself is in the set, the next one above it.
func reachable(set *valueSet, limit int) []int {
	vals := set.upTo(limit)
	if !set.contains(limit) {
		if v, ok := set.ceil(limit + 1); ok {
			vals = append(vals, v)
		}
	}
	return vals
}

// firstOnly returns the smallest value of set, if any.
func firstOnly(set *valueSet) []int {
	if v, ok := set.first(); ok {
		return []int{v}
	}
	return nil
}

// equal reports whether two schedules are identical.
func (s schedule) equal(o schedule) bool {
	return slices.Equal(s.seconds, o.seconds) &&
		slices.Equal(s.minutes, o.minutes) &&
		slices.Equal(s.hours, o.hours) &&
		s.mode == o.mode &&
		slices.Equal(s.days, o.days) &&
		s.offset == o.offset &&
		s.nth == o.nth &&
		slices.Equal(s.months, o.months) &&
		slices.Equal(s.years, o.years)
}
