package main

import "testing"

func TestProviderType(t *testing.T) {
	for path, want := range map[string]string{
		"/m/registry.terraform.io/almsync/almsync/0.0.1/linux_amd64/terraform-provider-almsync_v0.0.1": "almsync",
		"terraform-provider-noop_v1.2.3": "noop",
		"terraform-provider-noop":        "noop",
	} {
		if got := providerType(path); got != want {
			t.Errorf("providerType(%q) = %q, want %q", path, got, want)
		}
	}
}
