package quartz

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// oracleHint tells how to get the Quartz oracle.
const oracleHint = "Quartz 2.3.2 oracle not available: install the Debian package libquartz2-java " +
	"(and libslf4j-java and a JDK), e.g. with internal/quartz/testdata/oracle/install.sh"

// maxLoopingCases bounds how many expressions that make Quartz search forever
// are sent to the oracle, which needs its full time limit for each.
const maxLoopingCases = 3

// oracle is a located Java toolchain and class path for QuartzOracle.
type oracle struct {
	javac, java string
	classPath   []string
}

// findOracle locates javac, java, the Quartz jar and the SLF4J jars. The
// environment variables QUARTZ_JAR and SLF4J_JARS (a path list) override the
// search in /usr/share/java.
func findOracle() (*oracle, error) {
	javac, err := exec.LookPath("javac")
	if err != nil {
		return nil, fmt.Errorf("javac not found: %w", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		return nil, fmt.Errorf("java not found: %w", err)
	}
	quartz := os.Getenv("QUARTZ_JAR")
	if quartz == "" {
		quartz = firstExisting("/usr/share/java/quartz2-2.3.2.jar", "/usr/share/java/quartz2.jar",
			"/usr/share/maven-repo/org/quartz-scheduler/quartz/2.3.2/quartz-2.3.2.jar")
	}
	if quartz == "" {
		return nil, fmt.Errorf("no Quartz jar in /usr/share/java (set QUARTZ_JAR)")
	}
	var slf4j []string
	if env := os.Getenv("SLF4J_JARS"); env != "" {
		slf4j = filepath.SplitList(env)
	} else {
		api := firstExisting("/usr/share/java/slf4j-api.jar")
		if api == "" {
			matches, _ := filepath.Glob("/usr/share/java/slf4j-api*.jar")
			if len(matches) > 0 {
				api = matches[0]
			}
		}
		if api == "" {
			return nil, fmt.Errorf("no slf4j-api jar in /usr/share/java (set SLF4J_JARS)")
		}
		slf4j = append(slf4j, api)
		if nop := firstExisting("/usr/share/java/slf4j-nop.jar"); nop != "" {
			slf4j = append(slf4j, nop)
		}
	}
	for _, p := range append([]string{quartz}, slf4j...) {
		if _, err := os.Stat(p); err != nil {
			return nil, err
		}
	}
	return &oracle{javac: javac, java: java, classPath: append([]string{quartz}, slf4j...)}, nil
}

func firstExisting(paths ...string) string {
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// run compiles QuartzOracle into dir and answers the queries in one batch;
// a query searching longer than limit is answered HANG.
func (o *oracle) run(t *testing.T, dir string, input []byte, limit time.Duration) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	src, err := filepath.Abs(filepath.Join("testdata", "oracle", "QuartzOracle.java"))
	if err != nil {
		t.Fatal(err)
	}
	cp := strings.Join(o.classPath, string(os.PathListSeparator))
	compile := exec.CommandContext(ctx, o.javac, "-nowarn", "-Xlint:-deprecation", "-d", dir, "-cp", cp, src)
	if out, err := compile.CombinedOutput(); err != nil {
		t.Fatalf("compiling the oracle: %v\n%s", err, out)
	}
	cmd := exec.CommandContext(ctx, o.java, "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
		fmt.Sprintf("-Doracle.timeLimitMillis=%d", limit.Milliseconds()),
		"-cp", dir+string(os.PathListSeparator)+cp, "QuartzOracle")
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("running the oracle: %v\n%s", err, stderr.String())
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// diffCase is one query for the oracle.
type diffCase struct {
	expr  string
	start int64
	count int
	zone  string // IANA time zone name
}

// line is the query in the oracle's input format.
func (c diffCase) line() string {
	return fmt.Sprintf("%s\t%d\t%d\t%s\n", c.expr, c.start, c.count, c.zone)
}

// goAnswer answers a query with this package, in the oracle's format.
func goAnswer(t *testing.T, c diffCase) (answer []string, loops bool) {
	e, err := Parse(c.expr)
	if err != nil {
		return []string{"ERR"}, false
	}
	loc, err := time.LoadLocation(c.zone)
	if err != nil {
		t.Fatalf("time zone %q: %v", c.zone, err)
	}
	z := newZone(loc)
	ms := c.start
	for range c.count {
		next, out := e.timeAfterIn(ms, z)
		switch out {
		case exhausted:
			return append(answer, "NONE"), false
		case failed:
			return append(answer, "EXC"), false
		case looping:
			return append(answer, "HANG"), true
		}
		answer = append(answer, strconv.FormatInt(next, 10))
		ms = next
	}
	return answer, false
}

// TestDifferentialQuartz compares the package with the real Quartz 2.3.2 on
// thousands of generated expressions (QUARTZ_DIFF_N, default 5000).
func TestDifferentialQuartz(t *testing.T) {
	o, err := findOracle()
	if err != nil {
		if os.Getenv("ALMSYNC_REQUIRE_QUARTZ_ORACLE") == "1" {
			t.Fatalf("%s: %v", oracleHint, err)
		}
		t.Skipf("%s: %v", oracleHint, err)
	}
	n := 5000
	if s := os.Getenv("QUARTZ_DIFF_N"); s != "" {
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("QUARTZ_DIFF_N=%q is not a positive number", s)
		}
	}
	seed := uint64(20260101)
	if s := os.Getenv("QUARTZ_DIFF_SEED"); s != "" {
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("QUARTZ_DIFF_SEED=%q: %v", s, err)
		}
	}

	g := newExprGen(seed)
	var cases []diffCase
	var want [][]string
	var input bytes.Buffer
	looping := 0
	add := func(c diffCase) {
		answer, loops := goAnswer(t, c)
		if loops {
			if looping >= maxLoopingCases {
				return
			}
			looping++
		}
		cases = append(cases, c)
		want = append(want, answer)
		input.WriteString(c.line())
	}
	for i := 0; len(cases) < n; i++ {
		var expr string
		if i < len(trickyExpressions) {
			expr = trickyExpressions[i]
		} else {
			expr = g.expression()
		}
		add(diffCase{expr: expr, start: g.start(strings.ContainsAny(expr, "Ww")), count: 10, zone: "UTC"})
	}
	// The same in time zones with daylight saving time, from instants
	// around their transitions as often as anywhere else.
	zoned := n / 2
	for i := 0; i < zoned; i++ {
		var expr string
		if i < len(zoneExpressions) {
			expr = zoneExpressions[i]
		} else {
			expr = g.expression()
		}
		zone := diffZones[g.r.IntN(len(diffZones))]
		add(diffCase{expr: expr, start: g.zonedStart(t, zone, strings.ContainsAny(expr, "Ww")), count: 10, zone: zone})
	}

	got := o.run(t, t.TempDir(), input.Bytes(), 1500*time.Millisecond)
	if len(got) != len(cases) {
		t.Fatalf("oracle answered %d of %d queries", len(got), len(cases))
	}
	// A slow search on a loaded machine is cut off as HANG; ask again with
	// more time wherever this package found an end, so only a real endless
	// search counts as one.
	var slow []int
	var again bytes.Buffer
	for i, c := range cases {
		if strings.HasSuffix(got[i], "HANG") && !slices.Contains(want[i], "HANG") {
			slow = append(slow, i)
			again.WriteString(c.line())
		}
	}
	if len(slow) > 0 {
		retried := o.run(t, t.TempDir(), again.Bytes(), 30*time.Second)
		for k, i := range slow {
			if k < len(retried) {
				got[i] = retried[k]
			}
		}
	}
	mismatches, fireTimes, accepted := 0, 0, 0
	for i, c := range cases {
		quartz := strings.Split(got[i], "\t")
		if quartz[0] == "ERR" {
			quartz = quartz[:1] // drop Quartz's message
		} else {
			accepted++
			for _, s := range quartz {
				if _, err := strconv.ParseInt(s, 10, 64); err == nil {
					fireTimes++
				}
			}
		}
		if strings.Join(quartz, "\t") == strings.Join(want[i], "\t") {
			continue
		}
		mismatches++
		if mismatches <= 10 {
			t.Errorf("mismatch for %q in %s from %s (%d):\n  quartz: %s\n  go:     %s",
				c.expr, c.zone, time.UnixMilli(c.start).UTC().Format(time.RFC3339Nano), c.start,
				formatAnswer(got[i]), formatAnswer(strings.Join(want[i], "\t")))
		}
	}
	summary := fmt.Sprintf("quartz differential: %d expressions, %d fire times, %d mismatches", len(cases), fireTimes, mismatches)
	t.Log(summary)
	t.Logf("(%d accepted, %d rejected, %d that make Quartz loop forever; seed %d)", accepted, len(cases)-accepted, looping, seed)
	fmt.Println(summary)
	if mismatches > 0 {
		t.Fatalf("%d mismatches with Quartz", mismatches)
	}
}

// formatAnswer renders epoch milliseconds as readable times.
func formatAnswer(line string) string {
	parts := strings.Split(line, "\t")
	for i, p := range parts {
		if ms, err := strconv.ParseInt(p, 10, 64); err == nil {
			parts[i] = time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05")
		}
	}
	return strings.Join(parts, " ")
}
