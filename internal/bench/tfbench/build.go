package tfbench

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// modulePath is the provider's module; the benchmark builds its binaries
// from this module only.
const modulePath = "github.com/almsync/terraform-provider-almsync"

// Packages of the binaries, relative to the module root, and the names
// go build gives them.
const (
	almsyncPackage = "."
	noopPackage    = "./internal/bench/noopprovider"
	wrapperPackage = "./internal/bench/rsswrap"
	almsyncBinary  = "terraform-provider-almsync"
	noopBinary     = "noopprovider"
	wrapperBinary  = "rsswrap"
)

// binaries are the built executables.
type binaries struct {
	almsync, noop, wrapper string
}

// buildBinaries builds the almsync provider, the no-op provider and the
// RSS wrapper of the module containing repoDir into binDir.
func buildBinaries(ctx context.Context, repoDir, binDir string) (binaries, error) {
	out, err := goCommand(ctx, repoDir, "list", "-m", "-f", "{{.Path}} {{.Dir}}")
	if err != nil {
		return binaries{}, err
	}
	path, root, _ := strings.Cut(strings.TrimSpace(out), " ")
	if path != modulePath || root == "" {
		return binaries{}, fmt.Errorf("%s is in module %q, not %s: run the benchmark from the provider's repository", repoDir, path, modulePath)
	}
	args := []string{"build", "-o", binDir + string(filepath.Separator), almsyncPackage, noopPackage, wrapperPackage}
	if _, err := goCommand(ctx, root, args...); err != nil {
		return binaries{}, err
	}
	return binaries{
		almsync: filepath.Join(binDir, almsyncBinary),
		noop:    filepath.Join(binDir, noopBinary),
		wrapper: filepath.Join(binDir, wrapperBinary),
	}, nil
}

// goCommand runs the go command with args in dir and returns its output.
func goCommand(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}
