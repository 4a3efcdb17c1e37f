package tfbench

import "fmt"

// requests prints the sandbox requests of almsync per resource.
func (r report) requests(p *printer) {
	p.line("")
	p.line("Sandbox requests of almsync (all products)")
	p.line("  per resource: apply requests, plan GET /almsync/interchange-connectors/v1/connectors/{id}; other = any other plan request, in total")
	p.line("  validate = requests during terraform validate; a range a-b means the rounds differed")
	p.line("")
	p.line("  %6s  %13s  %12s  %10s  %8s", "N", "apply req/res", "plan GET/res", "plan other", "validate")
	for _, res := range r.results {
		apply := res.perResource(kindAlmsync, func(s sample) int64 { return s.applyReq.total })
		get := res.perResource(kindAlmsync, func(s sample) int64 { return s.planReq.getByID })
		var other []float64
		for _, s := range res.samples[kindAlmsync] {
			other = append(other, float64(s.planReq.total-s.planReq.getByID))
		}
		p.line("  %6d  %13s  %12s  %10s  %8d", res.n, spread(apply, "%.2f"), spread(get, "%.2f"), spread(other, "%.0f"),
			res.validate[kindAlmsync].total)
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
				stray += s.applyReq.total + s.planReq.total
			}
			stray += res.validate[k].total
		}
	}
	return stray
}

// memory prints the providers' peak RSS per N and command.
func (r report) memory(p *printer) {
	p.line("")
	p.line("Provider peak RSS (MiB): the largest provider process during the apply and the plan commands of each N")
	p.line("  Terraform starts a provider several times per command; (x) = provider processes per command")
	p.line("")
	p.line("  %6s  %16s  %16s  %16s  %16s", "N", "almsync apply", "almsync plan", "noop apply", "noop plan")
	for _, res := range r.results {
		row := []any{res.n}
		for _, k := range []kind{kindAlmsync, kindNoop} {
			for _, phase := range []string{phaseApply, phasePlan} {
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
