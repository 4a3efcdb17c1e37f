// Package rsslog is the file through which the provider wrapper
// (internal/bench/rsswrap) reports the peak RSS of every provider process
// it ran to the Terraform benchmark (internal/bench/tfbench): one line per
// process, "<provider> <phase> <peak bytes>".
package rsslog

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// WrappedBinary is the file name, beside the wrapper, of the provider
// binary the wrapper runs.
const WrappedBinary = "provider-real"

// Environment variables Terraform passes on to the providers it starts.
const (
	// EnvFile names the file records are appended to; the wrapper
	// records nothing when it is unset.
	EnvFile = "TFBENCH_RSS_LOG"
	// EnvPhase names the Terraform command being measured, e.g. "plan".
	EnvPhase = "TFBENCH_PHASE"
)

// Record is the peak RSS of one provider process.
type Record struct {
	Provider  string // provider type, e.g. "almsync"
	Phase     string // Terraform command, from EnvPhase
	PeakBytes uint64
}

// Append adds r to file as one line, in a single write so that processes
// appending at the same time do not interleave.
func Append(file string, r Record) error {
	line := fmt.Sprintf("%s %s %d\n", field(r.Provider), field(r.Phase), r.PeakBytes)
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open RSS log: %w", err)
	}
	_, err = f.WriteString(line)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return fmt.Errorf("write RSS log: %w", err)
	}
	return nil
}

// Read returns the records of file; a missing file has none.
func Read(file string) ([]Record, error) {
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open RSS log: %w", err)
	}
	defer f.Close()
	var records []Record
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			return nil, fmt.Errorf("RSS log line %d: want 3 fields, got %q", line, sc.Text())
		}
		peak, err := strconv.ParseUint(fields[2], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("RSS log line %d: %w", line, err)
		}
		records = append(records, Record{Provider: fields[0], Phase: fields[1], PeakBytes: peak})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read RSS log: %w", err)
	}
	return records, nil
}

// field makes s a single non-empty field of a line.
func field(s string) string {
	s = strings.Join(strings.Fields(s), "_")
	if s == "" {
		return "-"
	}
	return s
}
