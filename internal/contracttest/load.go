package contracttest

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/almsync/terraform-provider-almsync/contracts"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// AquaSpecFile is the file name of aqua's OpenAPI document in the
// vendor-specs folder.
const AquaSpecFile = "aqua-rest-api-24.8.0.0.json"

// aquaTokenFile describes aqua's token endpoint, which aqua's document
// gives only in prose (its oauth2 security scheme).
const aquaTokenFile = "testdata/vendor/aqua-token.yaml"

// testdata holds the hand-written descriptions and the golden examples.
//
//go:embed testdata/vendor/*.yaml testdata/golden
var testdata embed.FS

// description is one product's loaded document and its router.
type description struct {
	source string
	doc    *openapi3.T
	router routers.Router
}

// loadEmbedded loads testdata/vendor/<product>.yaml.
func loadEmbedded(product string) (*description, error) {
	name := "testdata/vendor/" + product + ".yaml"
	doc, err := loadData(name)
	if err != nil {
		return nil, err
	}
	return newDescription(name, doc)
}

// loadContract loads the provider's own contract document name (package
// contracts).
func loadContract(name string) (*description, error) {
	data, err := contracts.Document(name)
	if err != nil {
		return nil, fmt.Errorf("contracttest: %w", err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("contracttest: parse contract %s: %w", name, err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, fmt.Errorf("contracttest: contract %s is not a valid OpenAPI document: %w", name, err)
	}
	return newDescription("contracts/"+name+".yaml", doc)
}

// loadData parses and validates one embedded document.
func loadData(name string) (*openapi3.T, error) {
	data, err := testdata.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("contracttest: read %s: %w", name, err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("contracttest: parse %s: %w", name, err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, fmt.Errorf("contracttest: %s is not a valid OpenAPI document: %w", name, err)
	}
	return doc, nil
}

// loadAqua loads aqua's document from dir and adds the token endpoint.
func loadAqua(dir string) (*description, error) {
	path := filepath.Join(dir, AquaSpecFile)
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("contracttest: load aqua's OpenAPI document %s: %w", path, err)
	}
	token, err := loadData(aquaTokenFile)
	if err != nil {
		return nil, err
	}
	for route, item := range token.Paths.Map() {
		if doc.Paths.Value(route) == nil {
			doc.Paths.Set(route, item)
		}
	}
	return newDescription(AquaSpecFile, doc)
}

// newDescription prepares doc for checking: its servers are dropped, so
// that paths match below any base URL, and its allOf schemas are
// flattened (see flattenAllOf).
func newDescription(source string, doc *openapi3.T) (*description, error) {
	doc.Servers = nil
	for _, item := range doc.Paths.Map() {
		item.Servers = nil
	}
	flattenAllOf(doc)
	expandDiscriminators(doc)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("contracttest: route %s: %w", source, err)
	}
	return &description{source: source, doc: doc, router: router}, nil
}

// resolveSpecsDir checks that dir holds aqua's document. A relative dir is
// taken relative to the working directory, else to the module root, so
// that one setting serves every package's tests.
func resolveSpecsDir(dir string) (string, error) {
	if dir == "" {
		return "", errors.New(MessageVendorSpecsUnset)
	}
	candidates := []string{dir}
	if !filepath.IsAbs(dir) {
		if root, ok := moduleRoot(); ok {
			candidates = append(candidates, filepath.Join(root, dir))
		}
	}
	var firstErr error
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(c, AquaSpecFile)); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		return c, nil
	}
	return "", fmt.Errorf("%s=%s holds no readable %s: %w", EnvVendorSpecs, dir, AquaSpecFile, firstErr)
}

// moduleRoot finds the directory of the go.mod above the working
// directory.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
