// Command terraform-provider-almsync is the almsync Terraform provider.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/almsync/terraform-provider-almsync/internal/provider"
)

// version is set at release time by goreleaser.
var version = "dev"

//go:generate go tool tfplugindocs generate --provider-name=almsync

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider with support for debuggers such as delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/almsync/almsync",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
