package tfbench

import "fmt"

// requests prints the sandbox requests of almsync per resource type and
// object.
func (r report) requests(p *printer) {
	p.line("")
	p.line("Sandbox requests of almsync_jama_connector (Interchange) per steady-state plan")
	p.line("  refresh req/obj = Interchange requests of a plan with refresh ÷ N; of them: GET of one connector, GET of the")
	p.line("  connector list (pages), the contract's discovery, other; -refresh=false = requests of that plan, in total")
	p.line("  validate = requests during terraform validate; a range a-b means the rounds differed")
	p.line("")
	p.line("  %6s  %15s  %12s  %9s  %9s  %6s  %14s  %8s", "N", "refresh req/obj", "GET one", "GET list", "discovery", "other", "-refresh=false", "validate")
	for _, res := range r.results {
		perObj := res.perResource(kindAlmsync, func(s sample) int64 { return s.planReq.interchange })
		var get, list, disc, other, nr []float64
		for _, s := range res.samples[kindAlmsync] {
			q := s.planReq
			get, list, disc = append(get, float64(q.getByID)), append(list, float64(q.list)), append(disc, float64(q.discovery))
			other = append(other, float64(q.total-q.getByID-q.list-q.discovery))
			nr = append(nr, float64(s.planNRReq.total))
		}
		p.line("  %6d  %15s  %12s  %9s  %9s  %6s  %14s  %8d", res.n, spread(perObj, "%.3f"), spread(get, "%.0f"), spread(list, "%.0f"),
			spread(disc, "%.0f"), spread(other, "%.0f"), spread(nr, "%.0f"), res.validate[kindAlmsync].total)
	}
	if stray := r.strayRequests(); stray != 0 {
		p.line("  note: %d sandbox requests arrived while noop or terraform_data ran", stray)
	}
}

// strayRequests counts sandbox requests during the noop and terraform_data
// commands, which should make none.
func (r report) strayRequests() int64 {
	var stray int64
	for _, res := range r.results {
		for _, k := range []kind{kindNoop, kindData} {
			for _, s := range res.samples[k] {
				stray += s.planNRReq.total + s.planReq.total
			}
			stray += res.validate[k].total
		}
	}
	return stray
}

// memory prints the providers' peak RSS per N and command.
func (r report) memory(p *printer) {
	p.line("")
	p.line("Provider peak RSS (MiB): the largest provider process during the plans of each N, with and without refresh")
	p.line("  Terraform starts a provider several times per command; (x) = provider processes per command")
	p.line("")
	p.line("  %6s  %16s  %16s  %16s  %16s", "N", "almsync -r=false", "almsync refresh", "noop -r=false", "noop refresh")
	for _, res := range r.results {
		row := []any{res.n}
		for _, k := range []kind{kindAlmsync, kindNoop} {
			for _, phase := range []string{phasePlanNR, phasePlan} {
				cell := "-"
				if st, ok := res.rss[rssKey{k.String(), phase}]; ok {
					cell = fmt.Sprintf("%s (%s)", mib(st.peak), trimFloat(float64(st.processes)/float64(r.rounds)))
				}
				row = append(row, cell)
			}
		}
		p.line("  %6d  %16s  %16s  %16s  %16s", row...)
	}
}
