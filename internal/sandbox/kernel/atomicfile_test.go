package kernel

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomicErrors(t *testing.T) {
	dir := t.TempDir()
	if err := writeFileAtomic(filepath.Join(dir, "missing", "state.json"), []byte("{}")); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	// Renaming onto a directory fails; the temporary file must go.
	target := filepath.Join(dir, "target")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "keep"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(target, []byte("{}")); err == nil {
		t.Error("renaming onto a non-empty directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftovers after a failed write: %v", entries)
	}
}
