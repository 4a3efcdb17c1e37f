// Package tfbench measures what the almsync provider costs Terraform.
//
// For each resource count N it creates N almsync_jama_connector resources
// against an in-process sandbox, N noop_jama_connector resources served by
// the floor provider (internal/bench/noopprovider: the real connector
// schema without its validators, and no work at all: no I/O, no logging,
// no ValidateConfig or ModifyPlan, so its cost is Terraform core, the
// plugin protocol and what the framework must do for that schema), and N
// terraform_data resources (Terraform alone). The objects are created once
// per N (not timed), with the almsync provider unpaced for that setup
// apply and the final destroy only; then every round times two
// steady-state plans of each kind, with the provider's default settings:
// one that refreshes the objects and one with -refresh=false. The kinds
// alternate round by round, the first kind rotating, so that drift on the
// machine affects them alike. The report gives medians of wall and CPU
// time, ratios to the floor within each round, milliseconds per resource
// and per added resource (linearity), the sandbox requests per object of
// a refresh (per route: GET of one connector, list pages, the contract's
// discovery), and the providers' peak RSS. Since the measured plans use
// the provider's defaults, the Interchange requests of a refresh are
// paced at 10 requests/s, Jama's documented limit; the targets show the
// plan with refresh both against the floor and against the floor plus
// that pacing's shortest time, (requests - 1) / 10 s. Then the rate-limited phase
// (see ratelimit.go): a refresh against the sandbox limited to 10
// requests/s, with its wall time beside the limit's floor.
//
// Terraform starts the providers itself, as in normal use, from a local
// filesystem mirror; each provider executable there is a small wrapper
// (internal/bench/rsswrap) that runs the real provider and reports its peak
// RSS. Reattach (debug) mode would keep one provider process for the whole
// run, but with the plugin libraries in use a provider in debug mode keeps
// the per-request logging contexts of every request it served, so its
// heap and RSS grow with every command (hundreds of MiB by N = 500) and no
// longer reflect a provider started by Terraform.
//
// The benchmark reports figures only: it fails when something breaks (a
// build, a Terraform command, a plan that is not empty, a destroy that
// leaves connectors behind), never because of a timing; the targets it
// prints beside the figures are never enforced.
package tfbench
