package acctest

import (
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

// Sandbox is the sandbox of one acceptance test (see package sandboxtest),
// with the provider configurations that point at it.
type Sandbox struct {
	*sandboxtest.Sandbox
}

// Default sandbox credentials, the same on every product.
const (
	SandboxUser     = sandboxtest.SandboxUser
	SandboxPassword = sandboxtest.SandboxPassword
	SandboxClientID = sandboxtest.SandboxClientID
	SandboxSecret   = sandboxtest.SandboxSecret
)

// StartSandbox starts the sandbox of one acceptance test with
// sandboxtest.Start, so that its exchanges are recorded and checked.
func StartSandbox(t testing.TB) *Sandbox {
	t.Helper()
	return &Sandbox{Sandbox: sandboxtest.Start(t)}
}

// StartSandboxWith is StartSandbox with opts, e.g. a short
// Options.TokenLifetime.
func StartSandboxWith(t testing.TB, opts sandbox.Options) *Sandbox {
	t.Helper()
	return &Sandbox{Sandbox: sandboxtest.StartWith(t, opts)}
}

// Data decodes the data member of a Jama-style envelope into out.
func Data(t testing.TB, body []byte, out any) {
	t.Helper()
	sandboxtest.Data(t, body, out)
}
