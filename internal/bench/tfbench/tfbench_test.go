package tfbench

import (
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
		got := renderConfig(tc.k, 3, "http://sb")
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
	a.samples[kindData] = []sample{{apply: 1000 * time.Millisecond}}
	b.samples[kindData] = []sample{{apply: 2500 * time.Millisecond}}
	if got := marginalMS(a, b, kindData, applyTime); got != 10 {
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
	got := requests{total: 10, getByID: 7, deleteByID: 2}.sub(requests{total: 4, getByID: 3, deleteByID: 2})
	if got != (requests{total: 6, getByID: 4}) {
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
