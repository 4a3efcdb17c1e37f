// Command noopprovider is a test-only Terraform provider used by the
// Terraform benchmark (internal/bench/cmd/tfbench) as the floor of a plugin
// resource: it serves noop_jama_connector, a resource with the schema of
// almsync_jama_connector that performs no I/O at all, so its cost is
// Terraform core plus the plugin protocol and the framework.
//
// It is never released: the benchmark builds it and installs it into its
// local provider mirror as registry.terraform.io/almsync/noop. -debug
// starts it in reattach mode for manual experiments.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
)

// address is the provider's registry address, as used in
// required_providers and TF_REATTACH_PROVIDERS.
const address = "registry.terraform.io/almsync/noop"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider in reattach (debug) mode")
	flag.Parse()

	err := providerserver.Serve(context.Background(), newProvider, providerserver.ServeOpts{
		Address: address,
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
