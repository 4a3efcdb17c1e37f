// Command providerschema writes the almsync provider's schema in the JSON
// form of `terraform providers schema -json`, read from the provider served
// in-process, for `tfplugindocs generate --providers-schema`: the docs then
// cover actions and list resources whatever Terraform CLI is installed.
//
//	go run ./internal/schemajson/cmd/providerschema -o providers-schema.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/almsync/terraform-provider-almsync/internal/provider"
	"github.com/almsync/terraform-provider-almsync/internal/schemajson"
)

func main() {
	out := flag.String("o", "", "file to write the JSON to (required)")
	name := flag.String("provider-name", "almsync", "the provider's name, the key of its schema in the JSON")
	flag.Parse()
	if err := run(*out, *name); err != nil {
		fmt.Fprintln(os.Stderr, "providerschema:", err)
		os.Exit(1)
	}
}

func run(out, name string) error {
	if out == "" {
		return fmt.Errorf("-o is required: the file to write the schema to")
	}
	server, err := provider.Server("dev")()
	if err != nil {
		return fmt.Errorf("starting the provider: %w", err)
	}
	schemas, err := schemajson.Read(context.Background(), server, name)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(schemas, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding the schema: %w", err)
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}
