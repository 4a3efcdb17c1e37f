package sandbox

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// module is this repository's Go module path.
const module = "github.com/almsync/terraform-provider-almsync/"

// TestSandboxIsAnIndependentReading fails when any file of the sandbox,
// tests included, imports a package of the repository other than the
// sandbox's own, Quartz and the contract checker (which sandboxtest runs
// over every recorded exchange): the sandbox is a second reading of each vendor's
// document, so it must never borrow the clients' types, enums or rules (a
// wrong JSON tag would then be agreed by both sides).
func TestSandboxIsAnIndependentReading(t *testing.T) {
	t.Parallel()
	allowed := []string{module + "internal/sandbox", module + "internal/quartz", module + "internal/contracttest"}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, module) {
				continue
			}
			ok := false
			for _, a := range allowed {
				ok = ok || p == a || strings.HasPrefix(p, a+"/")
			}
			if !ok {
				t.Errorf("internal/sandbox/%s imports %s: the sandbox must spell the vendor's wire shapes itself", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("walked only %d Go files below internal/sandbox; the walk is broken", files)
	}
}
