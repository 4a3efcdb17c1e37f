package provider

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoNonTestFileLooksLikeATest fails on a Go file that is not a test but
// has "_test" in its name: go tooling and readers take such names for tests.
func TestNoNonTestFileLooksLikeATest(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	seen := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "node_modules" || (strings.HasPrefix(name, ".") && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		seen++
		if !strings.HasSuffix(name, "_test.go") && strings.Contains(name, "_test") {
			t.Errorf("%s is not a test file but has _test in its name", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 100 {
		t.Fatalf("walked only %d Go files; the walk is broken", seen)
	}
}
