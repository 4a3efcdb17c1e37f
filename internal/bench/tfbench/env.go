package tfbench

import (
	"os"
	"strings"
)

// cleanEnv returns the process environment without the caller's Terraform
// and almsync settings (TF_LOG, TF_CLI_ARGS, TF_REATTACH_PROVIDERS,
// ALMSYNC_..., which would change what is measured), plus extra.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		upper := strings.ToUpper(name)
		if strings.HasPrefix(upper, "TF_") || strings.HasPrefix(upper, "ALMSYNC_") || upper == "CHECKPOINT_DISABLE" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}
