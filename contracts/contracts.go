// Package contracts holds the OpenAPI 3 documents of the almsync
// provider's own admin contracts: the REST resources the provider calls for
// product screens that have no vendor API (Jama's classic JIRA Connector
// connections, Jama Connect Interchange connectors, Jitterbit Integration
// Studio Jira Service Management connections, aqua's Jira Sync definitions
// and mappings). A bridge that serves one of them implements the document
// of that name.
//
// Each document lives in this directory as <name>.yaml and describes the
// paths below /almsync/<name>/v1 of the provider's contract_url for that
// product.
package contracts

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// documents are the contract documents, one <name>.yaml per contract.
//
//go:embed *.yaml
var documents embed.FS

// documentSuffix ends the file name of every contract document.
const documentSuffix = ".yaml"

// Names returns the names of the contracts, sorted, e.g.
// "jama-jira-connector".
func Names() []string {
	entries, err := fs.ReadDir(documents, ".")
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), documentSuffix); ok && !e.IsDir() {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// Document returns the OpenAPI document (YAML) of the contract name, one of
// Names.
func Document(name string) ([]byte, error) {
	if !slices.Contains(Names(), name) {
		return nil, fmt.Errorf("contracts: no contract named %q (contracts: %s)", name, strings.Join(Names(), ", "))
	}
	data, err := documents.ReadFile(name + documentSuffix)
	if err != nil {
		return nil, fmt.Errorf("contracts: read the document of %s: %w", name, err)
	}
	return data, nil
}
