package contracttest

import (
	"os"
	"sync"
	"testing"
)

// Environment variables that locate the vendor documents.
const (
	// EnvVendorSpecs names the folder holding the vendors' published
	// documents (CI sets ../shared/vendor-specs). A relative folder is
	// looked up from the working directory, then from the module root.
	EnvVendorSpecs = "ALMSYNC_VENDOR_SPECS"
	// EnvRequireVendorSpecs, set to 1, makes a missing or unreadable
	// vendor document fail the tests that need it instead of skipping them.
	EnvRequireVendorSpecs = "ALMSYNC_REQUIRE_VENDOR_SPECS"
)

// MessageVendorSpecsUnset is why a test that needs the vendor documents
// does not run where EnvVendorSpecs is unset.
const MessageVendorSpecsUnset = "ALMSYNC_VENDOR_SPECS is not set: point it at the vendor-specs folder (CI sets ../shared/vendor-specs)"

// OptionsFromEnv returns the Options the environment asks for: the folder
// of EnvVendorSpecs, required when EnvRequireVendorSpecs is 1, and the
// default contract prefixes.
func OptionsFromEnv() Options {
	return Options{
		VendorSpecs:        os.Getenv(EnvVendorSpecs),
		RequireVendorSpecs: os.Getenv(EnvRequireVendorSpecs) == "1",
	}
}

// sharedChecker builds the environment's Checker once per test binary:
// parsing aqua's document takes a while and every sandbox-backed test
// checks its exchanges.
var sharedChecker = sync.OnceValues(func() (*Checker, error) {
	return New(OptionsFromEnv())
})

// Shared returns the Checker of OptionsFromEnv, built on first use and
// shared by every caller of the test binary.
func Shared() (*Checker, error) {
	return sharedChecker()
}

// NeedVendorSpecs returns the vendor-specs folder for a test that cannot
// run without it. Where EnvVendorSpecs is unset or holds no readable aqua
// document, the test is skipped saying why, or fails when
// EnvRequireVendorSpecs is 1.
func NeedVendorSpecs(tb testing.TB) string {
	tb.Helper()
	opts := OptionsFromEnv()
	dir, err := resolveSpecsDir(opts.VendorSpecs)
	if err != nil {
		if opts.RequireVendorSpecs {
			tb.Fatalf("%v (%s=1 requires the vendor documents)", err, EnvRequireVendorSpecs)
			return ""
		}
		tb.Skip(err.Error())
		return ""
	}
	return dir
}
