// Command noopprovider is a test-only Terraform provider used by the
// Terraform benchmark (internal/bench/cmd/tfbench) as the floor of a plugin
// resource: it serves noop_jama_connector, a resource with the schema of
// almsync_jama_connector, taken from the almsync provider itself, that does
// no work (see floorSchema and floorResource): no I/O, no logging, no
// validation or plan changes of its own. Its cost is Terraform core, the
// plugin protocol and what the framework must do for that schema.
//
// Like the almsync provider, it writes no logs when started without any
// TF_LOG* variable (see package pluginlog), since Terraform would discard
// them.
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

	"github.com/almsync/terraform-provider-almsync/internal/pluginlog"
)

// address is the provider's registry address, as used in
// required_providers and TF_REATTACH_PROVIDERS.
const address = "registry.terraform.io/almsync/noop"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider in reattach (debug) mode")
	flag.Parse()

	if !debug {
		if err := pluginlog.Quiet("noop"); err != nil {
			log.Fatal(err)
		}
	}
	err := providerserver.Serve(context.Background(), newProvider, providerserver.ServeOpts{
		Address: address,
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
