// Command contractdoc writes the guide template of every contract document
// (contracts/<name>.yaml) to templates/guides/contract-<name>.md.tmpl, and
// removes the template of a contract that no longer exists. `make docs`
// runs it before tfplugindocs:
//
//	go run ./internal/contractdoc/cmd/contractdoc -dir templates/guides
//
// What a document leaves undescribed is printed as a warning; it does not
// fail the command.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/contractdoc"
)

func main() {
	dir := flag.String("dir", "templates/guides", "directory of the guide templates")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "contractdoc:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	pages, err := contractdoc.RenderAll()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, page := range pages {
		name := contractdoc.FileName(page.Name)
		keep[name] = true
		path := filepath.Join(dir, name)
		for _, gap := range page.Gaps {
			fmt.Fprintf(os.Stderr, "contractdoc: warning: contracts/%s.yaml: %s\n", page.Name, gap)
		}
		old, err := os.ReadFile(path)
		switch {
		case err == nil && bytes.Equal(old, page.Text):
			continue
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return err
		}
		if err := os.WriteFile(path, page.Text, 0o644); err != nil {
			return err
		}
		fmt.Printf("contractdoc: wrote %s\n", path)
	}
	stale, err := filepath.Glob(filepath.Join(dir, contractdoc.FileName("*")))
	if err != nil {
		return err
	}
	for _, path := range stale {
		if name := filepath.Base(path); !keep[name] && strings.HasSuffix(name, ".md.tmpl") {
			if err := os.Remove(path); err != nil {
				return err
			}
			fmt.Printf("contractdoc: removed %s (no such contract)\n", path)
		}
	}
	return nil
}
