package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestInvalidFlagsExit2(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"--colour"}, "colour"},
		{"error rate out of range", []string{"--error-rate", "1.5"}, "error_rate"},
		{"drop rate negative", []string{"--drop-rate=-1"}, "drop_rate"},
		{"rate limit negative", []string{"--rate-limit", "-3"}, "rate_limit_per_second"},
		{"latency not an int", []string{"--latency", "1.5"}, "latency"},
		{"latency negative", []string{"--latency", "-1"}, "latency_ms"},
		{"seed negative", []string{"--seed", "-1"}, "seed"},
		{"seed not an integer", []string{"--seed", "x"}, "seed"},
		{"listen without port", []string{"--listen", "localhost"}, "-listen"},
		{"stray argument", []string{"serve"}, "unexpected arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr strings.Builder
			if code := run(context.Background(), tc.args, &stdout, &stderr); code != 2 {
				t.Errorf("exit code = %d, want 2", code)
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr %q does not mention %q", stderr.String(), tc.want)
			}
		})
	}
}

func TestCorruptStateExits1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	if code := run(context.Background(), []string{"--state", path, "--listen", "127.0.0.1:0"}, &stdout, &stderr); code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), path) {
		t.Errorf("stderr %q does not name the state file", stderr.String())
	}
}

func TestServeAndShutDown(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"--listen", "127.0.0.1:0", "--state", state, "--latency", "1", "--seed", "20261202", "--quiet"}, outW, io.Discard)
		outW.Close()
	}()

	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatalf("read start line: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, outR) }()
	for _, want := range []string{"http://127.0.0.1:", "admin/sandbox", "sandbox-client/sandbox-secret"} {
		if !strings.Contains(line, want) {
			t.Errorf("start line %q lacks %q", line, want)
		}
	}
	base := strings.Fields(line[strings.Index(line, "http://"):])[0]

	req, err := http.NewRequest(http.MethodPost, base+"/interchange/almsync/interchange-connectors/v1/connectors",
		strings.NewReader(`{"name":"cli","url":"https://jama.example.com","authType":"basic","username":"u","password":"p"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth("admin", "sandbox")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create status = %d", resp.StatusCode)
	}
	resp, err = http.Get(base + "/_sandbox/faults")
	if err != nil {
		t.Fatal(err)
	}
	var faults struct {
		LatencyMS int    `json:"latency_ms"`
		Seed      uint64 `json:"seed"`
	}
	err = json.NewDecoder(resp.Body).Decode(&faults)
	resp.Body.Close()
	if err != nil || faults.LatencyMS != 1 || faults.Seed != 20261202 {
		t.Errorf("faults = %+v, %v; want the --latency and --seed flags applied", faults, err)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit code = %d, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown within 10s")
	}
	raw, err := os.ReadFile(state)
	if err != nil || !strings.Contains(string(raw), `"cli"`) {
		t.Errorf("state file after shutdown: %s, %v", raw, err)
	}
}
