// Command terraform-provider-almsync is the almsync Terraform provider.
package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/pluginlog"
	"github.com/almsync/terraform-provider-almsync/internal/provider"
)

// version is set at release time by goreleaser.
var version = "dev"

//go:generate go tool tfplugindocs generate --provider-name=almsync

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider with support for debuggers such as delve")
	flag.Parse()

	if !debug {
		// Started by Terraform without TF_LOG or TF_LOG_PROVIDER, the
		// provider's logs would be discarded by Terraform after being
		// written and parsed: write none (see package pluginlog).
		if err := pluginlog.Quiet("almsync", transport.LogSubsystem); err != nil {
			log.Fatal(err)
		}
	}
	server, err := provider.Server(version)()
	if err != nil {
		log.Fatal(err)
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err = tf6server.Serve("registry.terraform.io/almsync/almsync", func() tfprotov6.ProviderServer { return server }, opts...)
	if err != nil {
		log.Fatal(err)
	}
}
