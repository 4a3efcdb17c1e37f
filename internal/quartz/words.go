package quartz

import (
	"fmt"
	"strconv"
	"strings"
)

// clock formats a time of day as HH:MM, or HH:MM:SS when sec is not 0.
// Values outside the usual ranges (which Quartz can hold) are printed as
// they are.
func clock(h, m, s int) string {
	if s == 0 {
		return hhmm(h, m)
	}
	return hhmmss(h, m, s)
}

func hhmm(h, m int) string { return fmt.Sprintf("%02d:%02d", h, m) }

func hhmmss(h, m, s int) string { return fmt.Sprintf("%02d:%02d:%02d", h, m, s) }

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

func numbers(vals []int) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = strconv.Itoa(v)
	}
	return out
}

// joinAnd joins items as "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

func nthWord(n int) string {
	words := [...]string{"", "first", "second", "third", "fourth", "fifth"}
	if n >= 1 && n < len(words) {
		return words[n]
	}
	return ordinal(n)
}

var weekdayNames = [...]string{"", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func weekday(d int) string {
	if d >= 1 && d <= 7 {
		return weekdayNames[d]
	}
	return fmt.Sprintf("day %d of the week", d)
}

var monthLongNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func monthName(m int) string {
	if m >= 1 && m <= 12 {
		return monthLongNames[m]
	}
	return fmt.Sprintf("month %d", m)
}
