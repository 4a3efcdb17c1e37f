// Command almsync-contract-check is the conformance suite of the almsync
// provider's admin contracts: it exercises every operation of one
// contract against a server (a bridge, or the sandbox) and prints what
// conforms and what does not. Run it with -h for its flags.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/almsync/terraform-provider-almsync/internal/conformance"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := conformance.Main(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
