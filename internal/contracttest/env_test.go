package contracttest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
)

// recordingTB records what NeedVendorSpecs asks of its test instead of
// stopping it.
type recordingTB struct {
	testing.TB
	skipped, failed string
}

func (r *recordingTB) Helper()                        {}
func (r *recordingTB) Skip(args ...any)               { r.skipped = fmt.Sprint(args...) }
func (r *recordingTB) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }

func TestNeedVendorSpecs(t *testing.T) {
	withSpec := t.TempDir()
	if err := os.WriteFile(filepath.Join(withSpec, contracttest.AquaSpecFile), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		dir, require          string
		wantDir               string
		wantSkip, wantFailure bool
	}{
		"unset skips":                    {wantSkip: true},
		"unset fails when required":      {require: "1", wantFailure: true},
		"empty folder skips":             {dir: t.TempDir(), wantSkip: true},
		"empty folder fails if required": {dir: t.TempDir(), require: "1", wantFailure: true},
		"folder with the document":       {dir: withSpec, require: "1", wantDir: withSpec},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Setenv(contracttest.EnvVendorSpecs, tc.dir)
			t.Setenv(contracttest.EnvRequireVendorSpecs, tc.require)
			rec := &recordingTB{TB: t}
			got := contracttest.NeedVendorSpecs(rec)
			if (rec.skipped != "") != tc.wantSkip || (rec.failed != "") != tc.wantFailure {
				t.Fatalf("skipped %q, failed %q; want skip=%v failure=%v", rec.skipped, rec.failed, tc.wantSkip, tc.wantFailure)
			}
			if tc.dir == "" && tc.wantSkip && rec.skipped != contracttest.MessageVendorSpecsUnset {
				t.Errorf("skipped saying %q, want %q", rec.skipped, contracttest.MessageVendorSpecsUnset)
			}
			if tc.wantDir != "" && got != tc.wantDir {
				t.Errorf("NeedVendorSpecs = %q, want %q", got, tc.wantDir)
			}
		})
	}
}
