package tfbench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/almsync/terraform-provider-almsync/internal/bench/rsslog"
)

// Provider sources in required_providers, and the version installed into
// the local mirror.
const (
	almsyncSource   = "almsync/almsync"
	noopSource      = "almsync/noop"
	providerVersion = "0.0.1"
)

// installMirror lays out a filesystem mirror under dir, the way
// scripts/demo.sh does, holding the almsync and no-op providers. Each
// package holds the RSS wrapper as the provider executable and the real
// provider beside it (see internal/bench/rsswrap).
func installMirror(dir string, bins binaries) error {
	platform := runtime.GOOS + "_" + runtime.GOARCH
	for _, p := range []struct{ source, binary string }{
		{almsyncSource, bins.almsync},
		{noopSource, bins.noop},
	} {
		pkg := filepath.Join(dir, "registry.terraform.io", filepath.FromSlash(p.source), providerVersion, platform)
		if err := os.MkdirAll(pkg, 0o700); err != nil {
			return fmt.Errorf("create provider mirror: %w", err)
		}
		exe := fmt.Sprintf("terraform-provider-%s_v%s", filepath.Base(p.source), providerVersion)
		if err := copyExecutable(bins.wrapper, filepath.Join(pkg, exe)); err != nil {
			return err
		}
		if err := copyExecutable(p.binary, filepath.Join(pkg, rsslog.WrappedBinary)); err != nil {
			return err
		}
	}
	return nil
}

// copyExecutable copies the file src to dst, executable by its owner.
func copyExecutable(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("install provider: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o700)
	if err != nil {
		return fmt.Errorf("install provider: %w", err)
	}
	defer func() {
		if closeErr := out.Close(); err == nil && closeErr != nil {
			err = fmt.Errorf("install provider: %w", closeErr)
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return fmt.Errorf("install provider %s: %w", dst, err)
	}
	return nil
}
