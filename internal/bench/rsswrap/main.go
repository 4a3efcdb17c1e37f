// Command rsswrap stands in for a provider binary in the Terraform
// benchmark's local provider mirror, so that the benchmark learns each
// provider process's peak RSS while Terraform starts and stops the
// providers as it always does.
//
// Installed as terraform-provider-<type>_v<version>, it runs the real
// provider, the file named provider-real beside it (rsslog.WrappedBinary), with the same
// arguments, environment and standard streams (the plugin handshake and
// the gRPC connection go straight between Terraform and the provider),
// forwards interrupts, waits for it, appends its peak RSS to the file
// named by TFBENCH_RSS_LOG (see package rsslog) and exits with its exit
// status.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/almsync/terraform-provider-almsync/internal/bench/rsslog"
)

func main() {
	os.Exit(run())
}

// run runs the real provider and returns the exit status to use.
func run() int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "rsswrap: locate own executable: %v\n", err)
		return 1
	}
	cmd := exec.Command(filepath.Join(filepath.Dir(self), rsslog.WrappedBinary), os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = childAttr()

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "rsswrap: start provider: %v\n", err)
		return 1
	}
	go func() {
		for sig := range signals {
			_ = cmd.Process.Signal(sig)
		}
	}()
	_ = cmd.Wait() // the exit status is in ProcessState
	signal.Stop(signals)

	if file := os.Getenv(rsslog.EnvFile); file != "" {
		if peak := peakRSS(cmd.ProcessState); peak > 0 {
			rec := rsslog.Record{Provider: providerType(os.Args[0]), Phase: os.Getenv(rsslog.EnvPhase), PeakBytes: peak}
			if err := rsslog.Append(file, rec); err != nil {
				fmt.Fprintf(os.Stderr, "rsswrap: %v\n", err)
			}
		}
	}
	if code := cmd.ProcessState.ExitCode(); code >= 0 {
		return code
	}
	return 1
}

// providerType returns the provider type in the name of a provider binary,
// "almsync" for ".../terraform-provider-almsync_v0.1.0".
func providerType(path string) string {
	name := strings.TrimPrefix(filepath.Base(path), "terraform-provider-")
	name, _, _ = strings.Cut(name, "_v")
	return name
}
