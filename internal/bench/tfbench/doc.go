// Package tfbench measures what the almsync provider costs Terraform.
//
// For each resource count N it applies and plans N almsync_jama_connector
// resources against an in-process sandbox, N noop_jama_connector
// resources served by a test-only provider that does no I/O (the floor of
// any plugin resource: Terraform core plus the plugin protocol), and N
// terraform_data resources (Terraform alone). The three kinds alternate
// round by round, the first kind rotating, so that drift on the machine
// affects them alike. The report gives medians of wall and CPU time,
// ratios to the no-op floor within each round, milliseconds per resource
// and per added resource (linearity), the sandbox requests per resource
// (plan and validate), and the providers' peak RSS.
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
// build, a Terraform command, a plan that is not empty after apply, a
// destroy that leaves connectors behind), never because of a timing.
package tfbench
