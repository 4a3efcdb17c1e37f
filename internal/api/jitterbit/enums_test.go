package jitterbit_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// TestEnumerations pins the values to the connection screen, in its order.
func TestEnumerations(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		get  func() []string
		want []string
	}{
		"AuthSchemes":         {jitterbit.AuthSchemes, []string{"Auto", "OAuth", "Basic", "Crowd"}},
		"InitiateOAuthValues": {jitterbit.InitiateOAuthValues, []string{"OFF", "GETANDREFRESH", "REFRESH"}},
		"OAuthVersions":       {jitterbit.OAuthVersions, []string{"1.0", "2.0"}},
		"CertificateStoreTypes": {jitterbit.CertificateStoreTypes, []string{
			"USER", "MACHINE", "PFXFILE", "PFXBLOB", "JKSFILE", "JKSBLOB", "PEMKEY_FILE", "PUBLIC_KEY_FILE",
			"PUBLIC_KEY_BLOB", "SSHPUBLIC_KEY_BLOB", "P10BFILE", "SSHPUBLIC_KEY_FILE", "PPKFILE", "XMLFILE", "XMLBLOB",
		}},
		"ClientCertTypes": {jitterbit.ClientCertTypes, []string{
			"USER", "MACHINE", "PFXFILE", "PFXBLOB", "JKSFILE", "JKSBLOB", "PEMKEY_FILE", "PEMKEY_BLOB", "PUBLIC_KEY_FILE",
			"PUBLIC_KEY_BLOB", "SSHPUBLIC_KEY_FILE", "SSHPUBLIC_KEY_BLOB", "P7BFILE", "PPKFILE", "XMLFILE", "XMLBLOB",
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := tc.get()
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s() = %v, want %v", name, got, tc.want)
			}
			// Each call returns a fresh slice.
			got[0] = "changed"
			if again := tc.get(); again[0] != tc.want[0] {
				t.Errorf("changing a result of %s() changed the next one", name)
			}
		})
	}
	if n := len(jitterbit.CertificateStoreTypes()); n != 15 {
		t.Errorf("%d certificate store types, want 15", n)
	}
	if n := len(jitterbit.ClientCertTypes()); n != 16 {
		t.Errorf("%d client cert types, want 16", n)
	}
	if slices.Contains(jitterbit.CertificateStoreTypes(), "P7BFILE") || slices.Contains(jitterbit.ClientCertTypes(), "P10BFILE") {
		t.Error("the two certificate lists must stay as the screen lists them")
	}
}
