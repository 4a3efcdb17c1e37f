// Package acctest holds what the acceptance tests share: a sandbox started
// in-process on a random loopback port, the provider factories, the
// provider configuration pointing at the sandbox, and a check that the
// Terraform CLI is there.
package acctest
