package pluginlog

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestQuietLevelsWithoutLogVariables(t *testing.T) {
	got := QuietLevels([]string{"HOME=/root", "TF_IN_AUTOMATION=1", "TF_LOG=", "XTF_LOG=trace"}, "almsync", "http")
	want := []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_ALMSYNC", "TF_LOG_PROVIDER_ALMSYNC_HTTP"}
	if !slices.Equal(got, want) {
		t.Errorf("QuietLevels = %q, want %q", got, want)
	}
}

func TestQuietLevelsLeavesRequestedLogsAlone(t *testing.T) {
	for _, v := range []string{
		"TF_LOG=trace", "TF_LOG_PROVIDER=debug", "TF_LOG_PATH=/tmp/tf.log", "TF_LOG_CORE=trace",
		"TF_LOG_SDK_FRAMEWORK=trace", "TF_LOG_PROVIDER_ALMSYNC_HTTP=trace", "TF_LOG_SDK_PROTO_DATA_DIR=/tmp/proto",
	} {
		if got := QuietLevels([]string{"HOME=/root", v}, "almsync", "http"); got != nil {
			t.Errorf("with %s: QuietLevels = %q, want none", v, got)
		}
	}
}

func TestQuietSetsLevelsOff(t *testing.T) {
	// Whatever the test's own environment asks for, start without log
	// variables; t.Setenv restores them after the test.
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, logVarPrefix) {
			t.Setenv(name, "")
		}
	}
	for _, name := range QuietLevels(nil, "noop") {
		t.Setenv(name, "")
	}
	if err := Quiet("noop"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_NOOP"} {
		if got := os.Getenv(name); got != Off {
			t.Errorf("%s = %q, want %q", name, got, Off)
		}
	}
}
