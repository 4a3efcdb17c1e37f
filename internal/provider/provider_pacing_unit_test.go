package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestRequestsPerSecond_DefaultsAreTheVendorsDocumentedLimits: Jama's 10
// per environment for Jama and Interchange, unlimited for Jitterbit and
// aqua, which document none; the block wins over the variable.
func TestRequestsPerSecond_DefaultsAreTheVendorsDocumentedLimits(t *testing.T) {
	eps := endpoints()
	for _, spec := range []endpointSpec{eps.jama, eps.interchange, eps.jitterbit, eps.aqua} {
		t.Setenv(spec.rateEnv(), "")
	}
	block := func(spec endpointSpec, rate attr.Value) types.Object {
		attrTypes := map[string]attr.Type{requestsPerSecondAttr: types.Float64Type}
		values := map[string]attr.Value{requestsPerSecondAttr: rate}
		for _, f := range spec.fields() {
			attrTypes[f.attr] = types.StringType
			values[f.attr] = types.StringNull()
		}
		values["url"] = types.StringValue("https://example.com")
		return types.ObjectValueMust(attrTypes, values)
	}
	for _, tt := range []struct {
		spec endpointSpec
		want float64
	}{{eps.jama, 10}, {eps.interchange, 10}, {eps.jitterbit, 0}, {eps.aqua, 0}} {
		if got := tt.spec.resolve(block(tt.spec, types.Float64Null())).rate; got != tt.want {
			t.Errorf("%s default requests_per_second = %v, want %v", tt.spec.block, got, tt.want)
		}
		t.Setenv(tt.spec.rateEnv(), "2.5")
		if got := tt.spec.resolve(block(tt.spec, types.Float64Null())).rate; got != 2.5 {
			t.Errorf("%s with %s=2.5: rate %v", tt.spec.block, tt.spec.rateEnv(), got)
		}
		if got := tt.spec.resolve(block(tt.spec, types.Float64Value(4))).rate; got != 4 {
			t.Errorf("%s with the block's 4 and the variable's 2.5: rate %v, want the block's", tt.spec.block, got)
		}
		if cfg := tt.spec.resolve(block(tt.spec, types.Float64Unknown())); !cfg.unknown {
			t.Errorf("%s with an unknown rate is not unknown", tt.spec.block)
		}
		for _, bad := range []string{"fast", "-1", "NaN", "20000"} {
			t.Setenv(tt.spec.rateEnv(), bad)
			cfg := tt.spec.resolve(block(tt.spec, types.Float64Null()))
			diags := tt.spec.validate(cfg)
			if !diags.HasError() || !strings.Contains(diags[0].Detail(), tt.spec.rateEnv()) {
				t.Errorf("%s=%q: diagnostics %v, want an error naming the variable", tt.spec.rateEnv(), bad, diags)
			}
		}
		t.Setenv(tt.spec.rateEnv(), "")
	}
}

// TestRequestsPerSecond_OnePacerPerBlock: the clients of one configuration
// hold one pacer per product block, at the block's rate, with Jama's
// back-off for Jama and Interchange.
func TestRequestsPerSecond_OnePacerPerBlock(t *testing.T) {
	eps := endpoints()
	d := &providerData{settings: transportSettings{maxRetries: defaultMaxRetries}}
	cfg := func(rate float64) endpointConfig {
		return endpointConfig{configured: true, rate: rate, values: map[string]string{"url": "https://example.com", "username": "u", "password": "p"}}
	}
	a, err := d.transport(eps.jama, cfg(3))
	if err != nil {
		t.Fatal(err)
	}
	if a.Pacer() == nil || a.Pacer().Rate() != 3 {
		t.Fatalf("Jama transport pacer %v, want one at 3 requests/s", a.Pacer())
	}
	b, err := d.transport(eps.aqua, cfg(0))
	if err != nil {
		t.Fatal(err)
	}
	if b.Pacer() == a.Pacer() || b.Pacer().Rate() != 0 {
		t.Error("aqua shares Jama's pacer or is not unlimited")
	}
}
