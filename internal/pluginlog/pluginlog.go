// Package pluginlog turns off the logs of a provider process that nobody
// reads.
//
// The plugin libraries (terraform-plugin-go, terraform-plugin-framework
// and terraform-plugin-log) log at TRACE level unless told otherwise: for
// every RPC, every attribute and every validator or plan modifier they
// format a JSON line and write it to the provider's standard error, where
// Terraform's plugin client parses it again. Terraform keeps a provider's
// logs only when TF_LOG or TF_LOG_PROVIDER is set; otherwise it discards
// every line. At a few hundred resources that discarded logging is most of
// a plan's CPU time, in the provider and in Terraform.
//
// QuietLevels returns the log level variables that turn those logs off
// for a provider started without any TF_LOG* variable in its environment,
// and nothing as soon as one is set, so that a user who asks for logs gets
// exactly the logs they got before.
package pluginlog

import (
	"os"
	"strings"
)

// Off is the level value the plugin libraries read as "log nothing".
const Off = "OFF"

// logVarPrefix starts every variable that asks Terraform or the plugin
// libraries for logs (TF_LOG, TF_LOG_PATH, TF_LOG_PROVIDER, TF_LOG_SDK,
// TF_LOG_SDK_PROTO_DATA_DIR, ...).
const logVarPrefix = "TF_LOG"

// QuietLevels returns the variables to set, each to Off, so that the
// provider named providerName (its type, e.g. "almsync") writes no logs,
// when environ (as os.Environ returns it) holds no non-empty TF_LOG*
// variable; nil otherwise. subsystems are the provider's own tflog
// subsystems, e.g. "http" for TF_LOG_PROVIDER_ALMSYNC_HTTP.
func QuietLevels(environ []string, providerName string, subsystems ...string) []string {
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, logVarPrefix) && value != "" {
			return nil
		}
	}
	provider := "TF_LOG_PROVIDER_" + strings.ToUpper(providerName)
	vars := []string{
		"TF_LOG_SDK",           // the SDK root logger
		"TF_LOG_SDK_PROTO",     // terraform-plugin-go's protocol subsystem
		"TF_LOG_SDK_FRAMEWORK", // terraform-plugin-framework's subsystem
		provider,               // the provider's own root logger (tflog)
	}
	for _, s := range subsystems {
		vars = append(vars, provider+"_"+strings.ToUpper(s))
	}
	return vars
}

// Quiet sets the variables QuietLevels returns for this process's
// environment to Off, before the provider serves its first request. A
// provider started in debug (reattach) mode must not call it: its logs go
// to the developer's terminal, not to Terraform.
func Quiet(providerName string, subsystems ...string) error {
	for _, name := range QuietLevels(os.Environ(), providerName, subsystems...) {
		if err := os.Setenv(name, Off); err != nil {
			return err
		}
	}
	return nil
}
