package rsslog

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestAppendRead(t *testing.T) {
	file := filepath.Join(t.TempDir(), "rss.log")
	if got, err := Read(file); err != nil || got != nil {
		t.Fatalf("Read(missing) = %v, %v; want nil, nil", got, err)
	}
	want := []Record{
		{Provider: "almsync", Phase: "plan", PeakBytes: 42 << 20},
		{Provider: "no op", Phase: "", PeakBytes: 1},
	}
	for _, r := range want {
		if err := Append(file, r); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	want[1].Provider, want[1].Phase = "no_op", "-"
	if !slices.Equal(got, want) {
		t.Errorf("Read = %v, want %v", got, want)
	}
}
