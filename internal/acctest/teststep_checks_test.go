package acctest_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// resourcePackage is the import path of plugin-testing's TestStep.
const resourcePackage = "github.com/hashicorp/terraform-plugin-testing/helper/resource"

// TestNoTestStepSetsCheck fails on a TestStep under internal/ that sets
// Check: the acceptance tests assert state with ConfigStateChecks, using
// statecheck and knownvalue, or a state check of this package for what
// those cannot say.
func TestNoTestStepSetsCheck(t *testing.T) {
	t.Parallel()
	root := ".."
	files, steps := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || (strings.HasPrefix(name, ".") && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		files++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		n, bad := stepsSettingCheck(f)
		steps += n
		for _, pos := range bad {
			t.Errorf("%s: a TestStep sets Check; use ConfigStateChecks", fset.Position(pos))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 || steps < 100 {
		t.Fatalf("found only %d TestStep literals in %d test files; the walk is broken", steps, files)
	}
}

// TestStepsSettingCheckFindsEverySpelling keeps the guard above honest: it
// must see a Check in a TestStep however the literal is written, and
// nothing else.
func TestStepsSettingCheckFindsEverySpelling(t *testing.T) {
	t.Parallel()
	const src = `package p

import (
	"testing"

	r "github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestX(t *testing.T) {
	r.Test(t, r.TestCase{
		CheckDestroy: nil,
		Steps: []r.TestStep{
			{Check: nil},
			{ImportStateCheck: nil},
			{Config: ""},
		},
	})
	_ = r.TestStep{Check: r.ComposeTestCheckFunc()}
	_ = &r.TestStep{Check: nil}
	_ = []*r.TestStep{{Check: nil}}
	_ = map[string]r.TestStep{"a": {Check: nil}}
	_ = [][]r.TestStep{{{Check: nil}}}
	_ = struct{ Check any }{Check: nil}
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p_test.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	steps, bad := stepsSettingCheck(f)
	var lines []int
	for _, pos := range bad {
		lines = append(lines, fset.Position(pos).Line)
	}
	if want := []int{13, 18, 19, 20, 21, 22}; steps != 8 || !slices.Equal(lines, want) {
		t.Errorf("found %d steps and Check on lines %v, want 8 steps and lines %v", steps, lines, want)
	}
}

// stepsSettingCheck returns how many TestStep literals f holds and where
// those that set the Check field do so.
func stepsSettingCheck(f *ast.File) (steps int, bad []token.Pos) {
	pkg := ""
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == resourcePackage {
			pkg = "resource"
			if imp.Name != nil {
				pkg = imp.Name.Name
			}
		}
	}
	if pkg == "" || pkg == "_" || pkg == "." {
		return 0, nil
	}
	isStep := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "TestStep" {
			return false
		}
		id, ok := sel.X.(*ast.Ident)
		return ok && id.Name == pkg
	}
	var visit func(lit *ast.CompositeLit, typ ast.Expr)
	visit = func(lit *ast.CompositeLit, typ ast.Expr) {
		if star, ok := typ.(*ast.StarExpr); ok {
			typ = star.X
		}
		if isStep(typ) {
			steps++
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Check" {
						bad = append(bad, kv.Pos())
					}
				}
			}
			return
		}
		// An element's type may be left out of an array, slice or map
		// literal: it is then the literal's element type.
		var elem ast.Expr
		switch typ := typ.(type) {
		case *ast.ArrayType:
			elem = typ.Elt
		case *ast.MapType:
			elem = typ.Value
		default:
			return
		}
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
				e = u.X
			}
			if inner, ok := e.(*ast.CompositeLit); ok && inner.Type == nil {
				visit(inner, elem)
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok && lit.Type != nil {
			visit(lit, lit.Type)
		}
		return true
	})
	return steps, bad
}
