package quartz

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

// exprGen generates Quartz cron expressions for the differential test: valid
// ones of every shape and a good share of invalid and odd ones. It avoids only
// what would make Quartz itself run out of memory (huge ranges) and line
// breaks, which the oracle's line protocol cannot carry.
type exprGen struct {
	r *rand.Rand
	// wild allows invalid and odd forms; otherwise only valid items are
	// generated (the day fields can still clash).
	wild bool
}

// tricky lists fixed expressions with known quirks or pitfalls.
var trickyExpressions = []string{
	"0 0 12 * * ?", "0 0/5 14 * * ?", "0 15 10 ? * 6L", "0 15 10 ? * 6#3", "0 0 12 1/5 * ?",
	"0 11 11 11 11 ?", "0 15 10 L * ?", "0 15 10 L-2 * ?", "0 15 10 LW * ?", "0 15 10 L-3W * ?",
	"0 0 0 1W * ?", "0 0 0 31W * ?", "0 0 0 15W * ?", "0 0 0 30W 2 ?", "0 0 0 29 2 ?", "0 0 0 30 2 ?",
	"0 0 0 ? * 2#5", "0 0 0 ? * 1#5", "0 0 0 ? 2 6#5", "0 0 0 ? * 7L", "0 0 0 ? * 1L", "0 0 0 ? * L",
	"0 0 * * * *", "0 43 9 ? * 6,7,L", "0/5 * * 32W 1 ?", "/120 0 8-18 ? * 2-6", "0 0 12 ? * 6#6",
	"0 0 12 ? * 6#0", "*/0 * * * * ?", "0 */0 * ? * *", "0 0 22-2 * * ?", "0 0 0 ? * FRI-MON",
	"0 0 0 ? NOV-FEB *", "0 0 0 30-2 * ?", "0 0 0 5-0 * ?", "0 0 12 * * ? 2027", "0 0 12 * * ? 2025-2027",
	"0 0 12 * * ? 2200", "0 0 12 * * ? 1969", "0 0 12 * * ? */30", "0 0 12 * * ? 2030/3", "0 0 12 * * ? 2200/5",
	"0 0 12 * * ? 2020-2010", "0 0 12 ? * MONDAY", "0 0 12 1 JANUARY ?", "5X 0 12 * * ?", "99 0 12 * * ?",
	"0 0 12 98 * *", "0 0 12 ? * 98", "0 0 12 99 * ?", "L 0 12 * * ?", "L,5 * * * * ?", "0 0 12 * * ?X",
	"0 0 12 * * ?XY", "0 0 12 * * ? 2027 garbage", "0 0 12 * *", "0 0 12 * * ? ", "  0   0\t12 * * ?  ",
	"0 0 12 ? * 1#1,2", "0 0 12 ? * 1#1,2#2", "0 0 12 1W,15 * ?", "0 0 12 ?,5 * *", "0 0 12 L-30 * ?",
	"0 0 12 L-31 * ?", "0 0 12 L-30W * ?", "0 0 0 L-30W FEB ?", "0 0 0 0W * ?", "0 0 0 0W JAN ?", "0 0 0 ? * 12#3",
	"0 0 0 ? * 0#1", "0 0 0 ? * 99#1", "0 0 99-30/5 * * ?", "99-70/7 * * * * ?", "0 99-20/5 * * * ?",
	"0 0 0 99-40/3 * ?", "0 0 0 1 99-20/5 ?", "0 0 0 ? * 99-20/4", "0 0 0 98-5 * *", "0 0 0 ? * 98-99",
	"*/-5 * * * * ?", "*/+5 * * * * ?", "5/0 * * * * ?", "5-10/0 * * * * ?", "0-30/90 * * * * ?", "5/10X * * * * ?",
	"5/1X * * * * ?", "1-5/2X * * * * ?", "*5 * * * * ?", "** * * * * ?", "/5 * * * * ?", "/ * * * * ?",
	"*/ * * * * ?", "5- * * * * ?", "5-/2 * * * * ?", "5-10/ * * * * ?", "?X 0 0 * * ?", "0 0 0 ?é * *",
	"0 0 0 ?ß * *", "*/٥ * * * * ?", "1-٥ * * * * ?", "0 0 0 5ẘ * ?", "0 0 0 ? * ſun", "0 0 0 ? * sun",
	"0 0 0 ? jan-ma *", "0 0 0 ? * MON-F", "0 0 0 ? * MO", "0 0 0 ? * MON#", "0 0 0 ? * MON#+2", "0 0 0 ? * 2#-1",
	"0 0 0 ? * FRIL", "0 0 0 ? * FRIXYZ", "0 0 0 L-W * ?", "0 0 0 L- * ?", "0 0 0 L-5X * ?", "0 0 0 LX * ?",
	"0 0 0 W * ?", "0 0 0 15L * ?", "0 0 0 ? * 15W", "0 0 0 15# * ?", "LW 0 0 * * ?", "L-3 0 0 * * ?",
	"0 0 0 , * ?", "0 0 0 1 , ?", ", 0 0 * * ?", "0 0 0 1,,15 * ?", "0 0 0 ? * 1-7/2", "0 0 0 ? * */2",
	"0 0 0 ? * 8", "0 0 0 ? * 0", "0 0 0 0 * ?", "60 0 0 * * ?", "0 60 0 * * ?", "0 0 24 * * ?", "0 0 0 1 13 ?",
	"0 0 0 1 0 ?", "0 0 0 ? * 7-1", "0 0 0 ? * 1-1", "59-0 * * * * ?", "0 0 23-23 * * ?", "0 0 0 31 * ?",
	"0 0 0 31 2,4,6,9,11 ?", "0 0 0 29 2 ? 2100", "0 0 0 29 2 ? 2000", "0 0 0 ? 2 1#5 2032",
	"0 0 0 LW 2 ?", "0 0 0 1W 2 ?", "0 0 0 L-1W * ?", "0 0 0 2W * ?", "0 0 0 3W * ?", "0 0 0 30W * ?",
	"0 0 0 ? * 2L 2030-2032", "0 0 0 ? * 5#5", "0 0 0 ? * 1,2,3,4,5,6,7", "1,2,3 4,5 6,7 * * ?",
	"0 0 0 * * ? 2027,2029", "0 0 0 * * ? 2126", "0 0 0 * * ? 2127", "0 0 0 * * ? 1970-2300",
	// Extreme values (kept to ranges Quartz can expand without running out of memory).
	"0 0 0 ? * 2147483647#1", "0 0 0 ? * 2147483640#5", "0 0 0 ? * 2147483647L", "0 0 0 ? 99-2000/400 *",
	"0 0 0 99-2000/400 * ?", "0 99-2000/400 * * * ?", "0 0 99-2000/400 * * ?", "99-2000/400 0 0 * * ?",
	"0 0 0 ? * 99-1000/3", "0 0 0 ? * 2000000000#3", "0 0 0 1 1 ? 2000000000", "0 0 0 1 1 ? 1970-3000/7",
	"0 0 0 ? * 1#1,2000000000", "0 0 0 ? * 1-1000000/999999", "0 0 1-1000000/999999 ? * *",
	"2147483648 0 0 * * ?", "0 0 0 L-2147483648 * ?", "*/2147483648 * * * * ?", "0 0 0 ? * 1#2147483648",
}

func newExprGen(seed uint64) *exprGen {
	return &exprGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *exprGen) pct(p int) bool { return g.r.IntN(100) < p }

func (g *exprGen) pick(opts ...string) string { return opts[g.r.IntN(len(opts))] }

// expression returns one generated expression.
func (g *exprGen) expression() string {
	if g.pct(3) {
		return g.junk()
	}
	g.wild = g.pct(30)
	var f [7]string
	for i := range 6 {
		f[i] = g.field(field(i))
	}
	// Usually exactly one day field is '?'.
	n := g.r.IntN(100)
	if !g.wild {
		n %= 90
	}
	switch {
	case n < 45:
		f[fieldDayOfMonth] = "?"
	case n < 90:
		f[fieldDayOfWeek] = "?"
	case n < 93:
		f[fieldDayOfMonth], f[fieldDayOfWeek] = "?", "?"
	}
	count := 6
	switch n := g.r.IntN(100); {
	case n < 30:
		count = 7
		f[fieldYear] = g.field(fieldYear)
	case n < 32:
		count = 5
	case n < 34:
		// Quartz ignores fields after the seventh.
		return g.join(append(f[:6:6], g.pick("*", "?", "2030", "x"), g.pick("junk", "1", "*")))
	}
	return g.join(f[:count])
}

// join joins fields with mostly single spaces.
func (g *exprGen) join(fs []string) string {
	var b strings.Builder
	if g.pct(5) {
		b.WriteString(g.pick(" ", "\t", "  "))
	}
	for i, s := range fs {
		if i > 0 {
			if g.pct(90) {
				b.WriteByte(' ')
			} else {
				b.WriteString(g.pick("  ", "\t", " \t ", "   "))
			}
		}
		b.WriteString(s)
	}
	if g.pct(5) {
		b.WriteString(g.pick(" ", "\t", "\x0b", "\x0c"))
	}
	return b.String()
}

func (g *exprGen) junk() string {
	const chars = "0123456789*/?-,#LW ABCDEFJMNOSTUXYZ\t"
	n := 5 + g.r.IntN(30)
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[g.r.IntN(len(chars))]
	}
	return string(b)
}

// bounds returns a field's natural range.
func bounds(f field) (int, int) {
	switch f {
	case fieldSecond, fieldMinute:
		return 0, 59
	case fieldHour:
		return 0, 23
	case fieldDayOfMonth:
		return 1, 31
	case fieldMonth:
		return 1, 12
	case fieldDayOfWeek:
		return 1, 7
	}
	return 1970, 2200
}

// value returns a number for field f, occasionally out of range.
func (g *exprGen) value(f field) string {
	lo, hi := bounds(f)
	if !g.wild {
		if f == fieldYear && g.pct(70) {
			return strconv.Itoa(time.Now().Year() + g.r.IntN(8) - 2)
		}
		return strconv.Itoa(lo + g.r.IntN(hi-lo+1))
	}
	switch n := g.r.IntN(100); {
	case n < 88:
		return strconv.Itoa(lo + g.r.IntN(hi-lo+1))
	case n < 92:
		return strconv.Itoa(hi + 1 + g.r.IntN(3))
	case n < 94:
		return strconv.Itoa(max(lo-1, 0))
	case n < 96:
		return g.pick("98", "99")
	case n < 98:
		return "0" + strconv.Itoa(lo+g.r.IntN(hi-lo+1))
	}
	if f == fieldYear {
		return strconv.Itoa(1950 + g.r.IntN(400))
	}
	return strconv.Itoa(g.r.IntN(200))
}

// name returns a month or day name (or a number) in random case.
func (g *exprGen) name(f field) string {
	var s string
	switch f {
	case fieldMonth:
		s = monthNames[1+g.r.IntN(12)]
	case fieldDayOfWeek:
		s = dayNames[1+g.r.IntN(7)]
	default:
		return g.value(f)
	}
	n := g.r.IntN(100)
	if !g.wild {
		n %= 25
	}
	switch {
	case n < 20:
		s = strings.ToLower(s)
	case n < 25:
		s = strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
	case n < 28:
		s += g.pick("UARY", "DAY", "X", "1")
	case n < 30:
		s = s[:2]
	case n < 31:
		s = g.pick("FOO", "JUN", "MON", "XYZ")
	}
	return s
}

func (g *exprGen) valueOrName(f field) string {
	if (f == fieldMonth || f == fieldDayOfWeek) && g.pct(40) {
		return g.name(f)
	}
	return g.value(f)
}

func (g *exprGen) step(f field) string {
	_, hi := bounds(f)
	if f == fieldYear {
		hi = 40
	}
	n := g.r.IntN(100)
	if !g.wild {
		n %= 85
	}
	switch {
	case n < 85:
		return strconv.Itoa(1 + g.r.IntN(hi))
	case n < 90:
		return strconv.Itoa(hi + 1 + g.r.IntN(80))
	case n < 93:
		return "0"
	case n < 95:
		return g.pick("-5", "+3", "x", "", "5x", "٣")
	}
	return strconv.Itoa(10 + g.r.IntN(100))
}

// item returns one list item for field f.
func (g *exprGen) item(f field) string {
	n := g.r.IntN(100)
	if !g.wild && n >= 68 && n < 74 {
		n = 74 + n%26
	}
	switch {
	case n < 25:
		return g.valueOrName(f)
	case n < 40:
		return g.rangeItem(f)
	case n < 48:
		return g.rangeItem(f) + "/" + g.step(f)
	case n < 58:
		lo, _ := bounds(f)
		return g.pick("*/", "/", strconv.Itoa(lo)+"/", g.value(f)+"/") + g.step(f)
	case n < 68:
		return "*"
	case n < 70:
		if f == fieldYear {
			return strconv.Itoa(1960+g.r.IntN(300)) + "-" + strconv.Itoa(1960+g.r.IntN(300))
		}
		return "99-" + strconv.Itoa(g.r.IntN(150)) + g.pick("", "/7", "/3")
	case n < 72:
		return g.pick("L", "W", "#", "?", "LW", "5L", "3#2", "15W", "L-3")
	case n < 74:
		return g.value(f) + g.pick("X", "?", "*", "-", "/", "#", "L", "W", "ZZ", "-x", "/x", "ẘ", "ß", "-٣", "/٣", "#٣")
	}
	switch f {
	case fieldDayOfMonth:
		return g.domSpecial()
	case fieldDayOfWeek:
		return g.dowSpecial()
	}
	return g.valueOrName(f)
}

// rangeItem returns a range "a-b"; valid ones use names or numbers on both
// sides and, for years, do not run backwards.
func (g *exprGen) rangeItem(f field) string {
	if g.wild {
		return g.valueOrName(f) + "-" + g.valueOrName(f)
	}
	if (f == fieldMonth || f == fieldDayOfWeek) && g.pct(40) {
		return g.name(f) + "-" + g.name(f)
	}
	a, _ := strconv.Atoi(g.value(f))
	b, _ := strconv.Atoi(g.value(f))
	if f == fieldYear && a > b {
		a, b = b, a
	}
	return strconv.Itoa(a) + "-" + strconv.Itoa(b)
}

func (g *exprGen) domSpecial() string {
	switch g.r.IntN(8) {
	case 0:
		return "L"
	case 1:
		return "LW"
	case 2:
		return "L-" + strconv.Itoa(g.r.IntN(33))
	case 3:
		return "L-" + strconv.Itoa(g.r.IntN(33)) + "W"
	case 4:
		return strconv.Itoa(g.r.IntN(33)) + "W"
	case 5:
		if g.wild {
			return g.pick("L-", "L-W", "LX", "W", "1W5", "L-3X", "15L")
		}
	}
	return g.value(fieldDayOfMonth)
}

func (g *exprGen) dowSpecial() string {
	d := g.valueOrName(fieldDayOfWeek)
	switch g.r.IntN(6) {
	case 0:
		return d + "L"
	case 1:
		if !g.wild {
			return d + "#" + strconv.Itoa(1+g.r.IntN(5))
		}
		return d + "#" + strconv.Itoa(g.r.IntN(7))
	case 2:
		return "L"
	case 3:
		if g.wild {
			return g.pick("#", "L#2", "1#", "1#x", "2L3", "8L", "0L")
		}
	}
	return d
}

// field returns a whole field for f.
func (g *exprGen) field(f field) string {
	if g.wild && g.pct(5) {
		return g.pick("?", "L", ",", "*/", "-", "a", "?*", "?é", "?ß", "?𝟘", "ſun", "ſat", "*/٣", "ﬀ")
	}
	n := 1
	if g.pct(20) && (g.wild || (f != fieldDayOfMonth && f != fieldDayOfWeek) || g.pct(50)) {
		n = 2 + g.r.IntN(3)
	}
	items := make([]string, n)
	for i := range items {
		items[i] = g.item(f)
		// Quartz rejects L in day lists.
		for !g.wild && n > 1 && (f == fieldDayOfMonth || f == fieldDayOfWeek) && strings.ContainsAny(items[i], "L#") {
			items[i] = g.item(f)
		}
	}
	return strings.Join(items, ",")
}

// start returns a search start: a random instant or one near a boundary
// (month end, leap day, year end), in epoch milliseconds. Milliseconds other
// than zero are only used when wholeSeconds is false.
func (g *exprGen) start(wholeSeconds bool) int64 {
	var t time.Time
	// Quartz stops producing fire times 100 years after the current year, so
	// most starts come before that.
	horizon := time.Now().Year() + 100
	year := 1970 + g.r.IntN(horizon-1970)
	if g.pct(15) {
		year = 1970 + g.r.IntN(230)
	}
	switch n := g.r.IntN(100); {
	case n < 40:
		end := time.Date(horizon, 1, 1, 0, 0, 0, 0, time.UTC)
		if g.pct(15) {
			end = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		t = time.Unix(g.r.Int64N(end.Unix()), 0).UTC()
	case n < 55:
		// Around now.
		t = time.Now().UTC().Add(time.Duration(g.r.Int64N(int64(400*24*time.Hour))) - 200*24*time.Hour).Truncate(time.Second)
	case n < 70:
		// The last second (or the last minutes) of a month.
		m := time.Month(1 + g.r.IntN(12))
		t = time.Date(year, m+1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(1+g.r.IntN(180)) * time.Second)
	case n < 80:
		// Around 29 February.
		y := year - year%4
		t = time.Date(y, 2, 28+g.r.IntN(2), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), 0, time.UTC)
	case n < 90:
		// Around the turn of a year.
		t = time.Date(year, 12, 31, 23, 59, 59, 0, time.UTC).Add(time.Duration(g.r.IntN(7200)-3600) * time.Second)
	default:
		// The first of a month.
		t = time.Date(year, time.Month(1+g.r.IntN(12)), 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(g.r.IntN(3)) * time.Second)
	}
	ms := t.UnixMilli()
	if !wholeSeconds && g.pct(30) {
		ms += int64(g.r.IntN(1000))
	}
	return ms
}

// diffZones are the time zones of the zoned differential cases: daylight
// saving time forward and back, in both hemispheres, at 02:00 and at
// midnight, by an hour and by half an hour, and zones without it.
var diffZones = []string{
	"America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Sao_Paulo",
	"Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "Asia/Tokyo", "UTC",
}

// zoneExpressions are fixed expressions that fire near daylight saving
// transitions.
var zoneExpressions = []string{
	"0 30 2 * * ?", "0 0 2 * * ?", "0 30 1 * * ?", "0 0 1 * * ?", "0 0 3 * * ?", "0 59 1 * * ?",
	"0 0/30 * * * ?", "0 0/15 1-3 * * ?", "0 0 * * * ?", "0 0 0 * * ?", "0 30 0 * * ?", "0 0 23 * * ?",
	"0 0 2 ? * SUN", "0 30 2 ? * 1#2", "0 30 2 ? 3 1L", "0 0 2 L * ?", "0 0 2 LW * ?", "0 0 2 1W * ?",
	"0 0 0 1W * ?", "0 0 0 15W * ?", "0 0 0 ? * 1L", "0 0 2,3 * * ?", "0 30 2,3 * * ?", "0 0 1,2 * * ?",
	"*/20 59 1 * * ?", "0 0 12 * * ?", "0 0 2 * * ? 2040", "0 30 1 ? 11 1#1 2045",
}

// zonedStart returns a start for a zoned case: half of them within two
// days before one of the zone's transitions, the others as start does.
func (g *exprGen) zonedStart(t *testing.T, zone string, wholeSeconds bool) int64 {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatalf("time zone %q: %v", zone, err)
	}
	if g.pct(50) {
		return g.start(wholeSeconds)
	}
	year := 1975 + g.r.IntN(90)
	at := time.Date(year, time.Month(1+g.r.IntN(12)), 1, 0, 0, 0, 0, loc)
	_, end := at.ZoneBounds()
	if end.IsZero() {
		return g.start(wholeSeconds)
	}
	back := time.Duration(g.r.Int64N(int64(48 * time.Hour)))
	if wholeSeconds {
		back = back.Truncate(time.Second)
	}
	return end.Add(-back).UnixMilli()
}
