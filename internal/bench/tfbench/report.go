package tfbench

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// report is the input of writeReport.
type report struct {
	env         environment
	rounds      int
	parallelism int
	results     []sizeResult
	rate        *rateResult // nil: the rate-limited phase was skipped
	elapsed     time.Duration
	loadEnd     string // load averages when the run ended
}

// writeReport prints the tables of a finished run.
func writeReport(w io.Writer, r report) {
	p := &printer{w: w}
	r.header(p)
	if len(r.results) > 0 {
		r.timings(p, "Wall time", planNRTime, planTime)
		r.timings(p, "CPU time (user+sys of terraform and the provider processes it started; the sandbox not included)", planNRCPU, planCPU)
		r.growth(p)
		r.requests(p)
		r.memory(p)
		r.targets(p)
	}
	if r.rate != nil {
		rateLimitReport(p, *r.rate, r.parallelism)
	}
}

// printer writes formatted lines.
type printer struct{ w io.Writer }

func (p *printer) line(format string, args ...any) {
	fmt.Fprintf(p.w, format+"\n", args...)
}

func (r report) header(p *printer) {
	sizes := make([]string, len(r.results))
	for i, res := range r.results {
		sizes[i] = fmt.Sprint(res.n)
	}
	p.line("")
	p.line("Terraform benchmark: almsync_jama_connector vs the no-op plugin floor vs terraform_data")
	if len(sizes) > 0 {
		p.line("Terraform %s (%s), %d CPU cores, -parallelism=%d; N = %s; %d round(s) per N, the three kinds alternating in each round",
			r.env.terraformVersion, r.env.platform, r.env.cores, r.parallelism, strings.Join(sizes, ", "), r.rounds)
	} else {
		p.line("Terraform %s (%s), %d CPU cores, -parallelism=%d; the rate-limited phase only",
			r.env.terraformVersion, r.env.platform, r.env.cores, r.parallelism)
	}
	if r.env.loadStart != "" {
		p.line("Run took %s; load average %s at the start, %s at the end", r.elapsed.Round(time.Second), r.env.loadStart, r.loadEnd)
	} else {
		p.line("Run took %s", r.elapsed.Round(time.Second))
	}
	p.line("  almsync        = almsync_jama_connector against the in-process sandbox")
	p.line("  noop           = noop_jama_connector, the floor: almsync_jama_connector's own schema without its validators, and no work")
	p.line("                   (no I/O, no logging, no ValidateConfig or ModifyPlan): Terraform core + plugin protocol + framework")
	p.line("  terraform_data = built into Terraform, no plugin (input = a map of the same values)")
	p.line("  Terraform starts both providers itself from a local mirror, as in normal use")
}

// timings prints the medians of the two steady-state plan metrics per N
// and kind.
func (r report) timings(p *printer, title string, planNR, plan metric) {
	p.line("")
	p.line("%s, median of %d round(s)", title, r.rounds)
	p.line("  steady state: N existing objects, nothing to change (-detailed-exitcode 0), the provider's default settings")
	p.line("  -refresh=false = plan without reading the objects; refresh = plan that reads them first (the almsync requests are paced, 10/s by default)")
	p.line("  x noop = median of the per-round ratios to noop in the same round; ms/res = median / N")
	p.line("")
	p.line("  %6s  %-14s  %16s  %7s  %7s    %12s  %7s  %7s", "N", "kind", "-refresh=false ms", "x noop", "ms/res", "refresh ms", "x noop", "ms/res")
	for _, res := range r.results {
		for _, k := range allKinds {
			a, pl := res.medianMS(k, planNR), res.medianMS(k, plan)
			p.line("  %6d  %-14s  %16.0f  %7.2f  %7.2f    %12.0f  %7.2f  %7.2f", res.n, k,
				a, res.ratio(k, planNR), a/float64(res.n),
				pl, res.ratio(k, plan), pl/float64(res.n))
		}
	}
}

// growth prints the marginal cost per resource between successive sizes.
func (r report) growth(p *printer) {
	p.line("")
	if len(r.results) < 2 {
		p.line("Growth with N: needs at least two sizes")
		return
	}
	p.line("Growth with N (wall time): marginal ms per added resource between sizes, (t(N2) - t(N1)) / (N2 - N1)")
	p.line("  the fixed cost of a command cancels out; equal values across the intervals = linear growth")
	p.line("")
	head := []any{"", "kind"}
	for i := 1; i < len(r.results); i++ {
		head = append(head, fmt.Sprintf("%d→%d", r.results[i-1].n, r.results[i].n))
	}
	cols := strings.Repeat("  %12s", len(r.results)-1)
	p.line("  %-14s %-14s"+cols, head...)
	for _, m := range []struct {
		name string
		f    metric
	}{{"-refresh=false", planNRTime}, {"refresh", planTime}} {
		for _, k := range allKinds {
			row := []any{m.name, k}
			for i := 1; i < len(r.results); i++ {
				row = append(row, fmt.Sprintf("%.2f", marginalMS(r.results[i-1], r.results[i], k, m.f)))
			}
			p.line("  %-14s %-14s"+cols, row...)
		}
	}
}
