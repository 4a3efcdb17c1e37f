package tfbench

import (
	"bytes"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/bench/rsslog"
)

func TestParseSizes(t *testing.T) {
	got, err := ParseSizes(" 500,50, 200,50,")
	if err != nil || !slices.Equal(got, []int{50, 200, 500}) {
		t.Errorf("ParseSizes = %v, %v; want [50 200 500], nil", got, err)
	}
	for _, bad := range []string{"", ",", "0", "-3", "ten"} {
		if _, err := ParseSizes(bad); err == nil {
			t.Errorf("ParseSizes(%q): want an error", bad)
		}
	}
}

func TestRoundOrderRotates(t *testing.T) {
	first := map[kind]bool{}
	for r := range int(numKinds) {
		order := roundOrder(r)
		first[order[0]] = true
		sorted := order
		slices.Sort(sorted[:])
		if sorted != allKinds {
			t.Errorf("round %d runs %v, want every kind once", r, order)
		}
	}
	if len(first) != int(numKinds) {
		t.Errorf("the first kind does not rotate: %v", first)
	}
}

func TestRenderConfig(t *testing.T) {
	for _, tc := range []struct {
		k    kind
		want []string
	}{
		{kindAlmsync, []string{`source = "almsync/almsync"`, `url      = "http://sb/interchange"`, `resource "almsync_jama_connector" "c0003"`, `name      = "bench-n3-0003"`}},
		{kindNoop, []string{`source = "almsync/noop"`, `resource "noop_jama_connector" "c0001"`, `password  = "pw-0002"`}},
		{kindData, []string{`resource "terraform_data" "c0002"`, `input = {`, `auth_type = "basic"`}},
	} {
		got := renderConfig(tc.k, 3, "http://sb", false)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s configuration lacks %q:\n%s", tc.k, w, got)
			}
		}
		if n := strings.Count(got, "\nresource "); n != 3 {
			t.Errorf("%s configuration has %d resources, want 3", tc.k, n)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestRatioPairsRounds(t *testing.T) {
	res := sizeResult{n: 10}
	res.samples[kindNoop] = []sample{{plan: 100 * time.Millisecond}, {plan: 200 * time.Millisecond}, {plan: 100 * time.Millisecond}}
	res.samples[kindAlmsync] = []sample{{plan: 120 * time.Millisecond}, {plan: 260 * time.Millisecond}, {plan: 110 * time.Millisecond}}
	if got := res.ratio(kindAlmsync, planTime); got != 1.2 {
		t.Errorf("ratio = %v, want the median of 1.2, 1.3 and 1.1", got)
	}
	if got := res.medianMS(kindAlmsync, planTime); got != 120 {
		t.Errorf("medianMS = %v, want 120", got)
	}
}

func TestMarginal(t *testing.T) {
	a, b := sizeResult{n: 50}, sizeResult{n: 200}
	a.samples[kindData] = []sample{{planNR: 1000 * time.Millisecond}}
	b.samples[kindData] = []sample{{planNR: 2500 * time.Millisecond}}
	if got := marginalMS(a, b, kindData, planNRTime); got != 10 {
		t.Errorf("marginalMS = %v, want 10", got)
	}
}

func TestSpread(t *testing.T) {
	if got := spread([]float64{1, 1}, "%.2f"); got != "1.00" {
		t.Errorf("spread(equal) = %q", got)
	}
	if got := spread([]float64{2, 1, 3}, "%.0f"); got != "1-3" {
		t.Errorf("spread(differing) = %q", got)
	}
}

func TestAggregateRSS(t *testing.T) {
	got := aggregateRSS([]rsslog.Record{
		{Provider: "almsync", Phase: "plan", PeakBytes: 10},
		{Provider: "almsync", Phase: "plan", PeakBytes: 30},
		{Provider: "noop", Phase: "plan", PeakBytes: 20},
	})
	if st := got[rssKey{"almsync", "plan"}]; st.peak != 30 || st.processes != 2 {
		t.Errorf("almsync plan = %+v, want peak 30 of 2 processes", st)
	}
	if st := got[rssKey{"noop", "plan"}]; st.peak != 20 || st.processes != 1 {
		t.Errorf("noop plan = %+v, want peak 20 of 1 process", st)
	}
}

func TestRequestsSub(t *testing.T) {
	got := requests{total: 10, getByID: 7, deleteByID: 2, rateLimited: 3}.sub(requests{total: 4, getByID: 3, deleteByID: 2, rateLimited: 1})
	if got != (requests{total: 6, getByID: 4, rateLimited: 2}) {
		t.Errorf("sub = %+v", got)
	}
}

func TestCleanEnvDropsTerraformSettings(t *testing.T) {
	t.Setenv("TF_LOG", "trace")
	t.Setenv("ALMSYNC_MAX_RETRIES", "0")
	env := cleanEnv("X=1")
	for _, kv := range env {
		if strings.HasPrefix(kv, "TF_LOG=") || strings.HasPrefix(kv, "ALMSYNC_") {
			t.Errorf("cleanEnv kept %q", kv)
		}
	}
	if env[len(env)-1] != "X=1" {
		t.Errorf("cleanEnv did not append the extra variables")
	}
}

func TestLastLines(t *testing.T) {
	if got := lastLines("a\nb\nc\n", 2); got != "[...]\nb\nc" {
		t.Errorf("lastLines = %q", got)
	}
}

func TestRateResultArithmetic(t *testing.T) {
	r := rateResult{
		n: 200, limit: 10,
		plan:      23 * time.Second,
		req:       requests{total: 202, getByID: 202, rateLimited: 2},
		noopPlans: []time.Duration{3 * time.Second, 1 * time.Second, 2 * time.Second},
	}
	if got, want := r.limitedPercent(), 100*2.0/202; got != want {
		t.Errorf("limitedPercent = %v, want %v", got, want)
	}
	if got := r.admitted(); got != 200 {
		t.Errorf("admitted = %d, want 200 (202 requests, 2 answered 429)", got)
	}
	if got := r.floor(); got != 20*time.Second {
		t.Errorf("floor = %v, want 200 requests / 10 per s = 20s", got)
	}
	if got := r.noopPlan(); got != 2*time.Second {
		t.Errorf("noopPlan = %v, want the median 2s", got)
	}
	if got := r.net(); got != 21*time.Second {
		t.Errorf("net = %v, want 23s - 2s", got)
	}
	if got := r.floorRatio(r.plan); got != 1.15 {
		t.Errorf("raw / floor = %v, want 1.15", got)
	}
	if got := r.floorRatio(r.net()); got != 1.05 {
		t.Errorf("net / floor = %v, want 1.05", got)
	}
	empty := rateResult{limit: 10}
	if empty.limitedPercent() != 0 || empty.floor() != 0 || empty.floorRatio(time.Second) != 0 || empty.noopPlan() != 0 {
		t.Errorf("a phase without requests gives %+v: want zeros, not a division by zero", empty)
	}
}

func TestRateLimitReport(t *testing.T) {
	r := rateResult{
		n: 200, limit: 10, seed: 15,
		plan:      21500 * time.Millisecond,
		req:       requests{total: 201, getByID: 200, rateLimited: 1},
		noopPlans: []time.Duration{1400 * time.Millisecond, 1500 * time.Millisecond, 1600 * time.Millisecond},
	}
	var b bytes.Buffer
	rateLimitReport(&printer{w: &b}, r, 10)
	out := b.String()
	for _, want := range []string{
		"N=200 almsync_jama_connector against the sandbox limited to 10 requests/s",
		"rate_limit_per_second = 10 (seed 15)",
		"-parallelism=10",
		"no requests_per_second, no max_retries",
		"requests during the plan                    201  (GET of one connector: 200, other: 1)",
		"answered 429                                  1  (0.50% of requests)",
		"plan wall time, raw                     21.50 s",
		"no-op plan of N, median of 3             1.50 s  (1.40-1.60 s)",
		"plan wall time, net                     20.00 s",
		"floor                                   20.00 s  (200 requests)",
		"raw / floor                               1.07x",
		"net / floor                               1.00x",
		"< 1% answered 429 and raw wall <= 1.2x the floor: 0.50%, 1.07x: met",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}

	if !strings.Contains(out, "net wall <= 1.2x the floor: 1.00x: met") {
		t.Errorf("report lacks the net verdict:\n%s", out)
	}

	r.plan = 25 * time.Second
	b.Reset()
	rateLimitReport(&printer{w: &b}, r, 10)
	if !strings.Contains(b.String(), "1.25x: NOT met") {
		t.Errorf("25 s against a 20 s floor should be reported as not met:\n%s", b.String())
	}
	r.plan, r.req.rateLimited, r.req.total = 21*time.Second, 3, 203
	b.Reset()
	rateLimitReport(&printer{w: &b}, r, 10)
	if !strings.Contains(b.String(), "1.48%, 1.05x: NOT met") {
		t.Errorf("3 of 203 requests answered 429 should be reported as not met:\n%s", b.String())
	}
}

func TestWriteReportRateLimitOnly(t *testing.T) {
	var b bytes.Buffer
	writeReport(&b, report{parallelism: 10, rate: &rateResult{n: 5, limit: 10}})
	out := b.String()
	if !strings.Contains(out, "the rate-limited phase only") || !strings.Contains(out, "Rate limit: terraform plan (refresh) of N=5") {
		t.Errorf("report without sizes lacks the phase:\n%s", out)
	}
	if strings.Contains(out, "Wall time, median") || strings.Contains(out, "Targets (reported") {
		t.Errorf("report without sizes prints the size tables:\n%s", out)
	}
	b.Reset()
	writeReport(&b, report{parallelism: 10, rounds: 1, results: []sizeResult{{n: 5}}})
	if strings.Contains(b.String(), "Rate limit:") {
		t.Errorf("report of a skipped phase prints it:\n%s", b.String())
	}
}

func TestOptionsCheckRateLimit(t *testing.T) {
	base := Options{Sizes: []int{5}, Rounds: 1, Parallelism: 1, Terraform: "terraform", Out: io.Discard, Progress: io.Discard}
	for name, tc := range map[string]struct {
		edit func(*Options)
		ok   bool
	}{
		"defaults":                  {func(*Options) {}, true},
		"phase only, no sizes":      {func(o *Options) { o.Sizes, o.RateLimitN, o.RateLimitOnly = nil, 5, true }, true},
		"phase only but skipped":    {func(o *Options) { o.RateLimitOnly = true }, false},
		"negative phase count":      {func(o *Options) { o.RateLimitN = -1 }, false},
		"no sizes without the flag": {func(o *Options) { o.Sizes, o.RateLimitN = nil, 5 }, false},
		"phase only, no terraform":  {func(o *Options) { o.RateLimitN, o.RateLimitOnly, o.Terraform = 5, true, "" }, false},
	} {
		o := base
		tc.edit(&o)
		if err := o.check(); (err == nil) != tc.ok {
			t.Errorf("%s: check() = %v, want ok %v", name, err, tc.ok)
		}
	}
}

func TestEstimateCountsAlmsyncPacing(t *testing.T) {
	// At N = 500, 1 round: almsync's plan with refresh sends up to one
	// request per resource at 10 per second, 50 s.
	if got := estimate([]int{500}, 1); got < 50*time.Second {
		t.Errorf("estimate(N=500, 1 round) = %v, below almsync's paced 50s", got)
	}
	if got := estimateRateLimit(200); got < 20*time.Second {
		t.Errorf("estimateRateLimit(200) = %v, below almsync's paced 20s", got)
	}
	if got := estimateRateLimit(0); got != 0 {
		t.Errorf("estimateRateLimit(0) = %v, want 0 for a skipped phase", got)
	}
}

func TestRenderSetupConfigIsUnpaced(t *testing.T) {
	if got := renderConfig(kindAlmsync, 2, "http://sb", true); !strings.Contains(got, "requests_per_second = 0") {
		t.Errorf("setup configuration is not unpaced:\n%s", got)
	}
	if got := renderConfig(kindAlmsync, 2, "http://sb", false); strings.Contains(got, "requests_per_second") {
		t.Errorf("measured configuration sets requests_per_second:\n%s", got)
	}
}

func TestRefreshBudget(t *testing.T) {
	if got := refreshBudget(200); got != 15 {
		t.Errorf("refreshBudget(200) = %d, want 200/20 + 5", got)
	}
	if got := refreshBudget(500); got != 30 {
		t.Errorf("refreshBudget(500) = %d, want 500/20 + 5", got)
	}
}

func TestPacingFloor(t *testing.T) {
	for k, want := range map[int64]time.Duration{0: 0, 1: 0, 2: 100 * time.Millisecond, 6: 500 * time.Millisecond, 12: 1100 * time.Millisecond} {
		if got := pacingFloor(k); got != want {
			t.Errorf("pacingFloor(%d) = %v, want %v", k, got, want)
		}
	}
}

// pacedSizeResult is N=200 over two rounds: noop plans of 800 and 1000 ms,
// almsync plans of 1400 and 1500 ms with 6 and 7 Interchange requests; no
// CPU times, so the CPU ratios are 0 and must not read as met.
func pacedSizeResult() sizeResult {
	var r sizeResult
	r.n = 200
	r.samples[kindNoop] = []sample{{planNR: 700 * time.Millisecond, plan: 800 * time.Millisecond}, {planNR: 700 * time.Millisecond, plan: 1000 * time.Millisecond}}
	r.samples[kindAlmsync] = []sample{
		{planNR: 750 * time.Millisecond, plan: 1400 * time.Millisecond, planReq: requests{interchange: 6}},
		{planNR: 750 * time.Millisecond, plan: 1500 * time.Millisecond, planReq: requests{interchange: 7}},
	}
	return r
}

func TestPacedRatio(t *testing.T) {
	r := pacedSizeResult()
	// Round 1: 1400 / (800 + 500) ≈ 1.077; round 2: 1500 / (1000 + 600) = 0.9375.
	want := (1400.0/1300 + 1500.0/1600) / 2
	if got := r.pacedRatio(); math.Abs(got-want) > 1e-9 {
		t.Errorf("pacedRatio = %v, want %v", got, want)
	}
	if got := r.mostRefreshRequests(); got != 7 {
		t.Errorf("mostRefreshRequests = %d, want 7", got)
	}
	if got := (sizeResult{n: 1}).pacedRatio(); got != 0 {
		t.Errorf("pacedRatio without rounds = %v, want 0", got)
	}
}

func TestTargetsReportPacing(t *testing.T) {
	var b bytes.Buffer
	report{rounds: 2, results: []sizeResult{pacedSizeResult()}}.targets(&printer{w: &b})
	out := b.String()
	for _, want := range []string{
		"wall time: plan -refresh=false 1.07x, plan with refresh 1.62x (target <= 1.2x): NOT met",
		"CPU  time: plan -refresh=false 0.00x, plan with refresh 0.00x (target <= 1.2x): NOT met",
		"almsync / (noop + pacing floor) at N=200, wall time: plan with refresh 1.01x, pacing floor 0.60 s of at most 7 requests (target <= 1.2x): met",
		"at most 7 per plan (target <= N/20 + 5 = 15): met",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("targets lack %q:\n%s", want, out)
		}
	}
}
