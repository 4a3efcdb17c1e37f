package provider_test

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/almsync/terraform-provider-almsync/internal/acctest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// TestAccPacing_RunAtJamasLimitMeetsAlmostNo429: 40 Jama users created,
// read back and refreshed against a sandbox that, like Jama, allows 10
// requests a second, with the provider's default settings: the requests
// are spaced so that fewer than 1% are answered 429.
func TestAccPacing_RunAtJamasLimitMeetsAlmostNo429(t *testing.T) {
	clearProductEnv(t)
	sb := acctest.StartSandbox(t)
	if err := sb.Server.SetFaults(sandbox.Faults{Seed: 1, RateLimitPerSecond: 10}); err != nil {
		t.Fatal(err)
	}
	config := jamaOnly(sb.ProductURL("jama")) + `
resource "almsync_jama_user" "u" {
  count        = 40
  username     = "paced${count.index}"
  password     = "Initial-Passw0rd!"
  first_name   = "Paced"
  last_name    = "User ${count.index}"
  email        = "paced${count.index}@example.com"
  license_type = "NAMED"
}
`
	share := func() error {
		st := sb.Server.Stats()
		limited := st.Faults.RateLimited
		t.Logf("%d requests, %d answered 429 (%.2f%%)", st.Total, limited, 100*float64(limited)/float64(st.Total))
		if st.Total < 80 {
			return fmt.Errorf("only %d requests reached the sandbox; the test measures nothing", st.Total)
		}
		if limited*100 >= st.Total {
			return fmt.Errorf("%d of %d requests were answered 429, want fewer than 1%%", limited, st.Total)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: config, ConfigStateChecks: []statecheck.StateCheck{acctest.Expect(share)}},
			{Config: config, PlanOnly: true}, // a refresh of the 40 at the limit
		},
	})
	if err := share(); err != nil {
		t.Error(err)
	}
}

// TestAccPacing_RequestsPerSecondIsValidated: a negative rate fails at
// plan, naming the attribute.
func TestAccPacing_RequestsPerSecondIsValidated(t *testing.T) {
	clearProductEnv(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `provider "almsync" {
  aqua {
    url                 = "https://aqua.example.com/aquaWebNG"
    username            = "admin"
    password            = "sandbox"
    requests_per_second = -1
  }
}
data "almsync_jama_user" "x" { username = "x" }
`,
			ExpectError: acctest.MessagePattern("`aqua.requests_per_second` is -1; it must be a number of requests per second between 0 \\(unlimited\\) and 10000"),
		}},
	})
}

// countingListener counts the connections a server accepted.
type countingListener struct {
	net.Listener
	accepted atomic.Int32
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.accepted.Add(1)
	}
	return c, err
}

// TestAccProvider_PermanentFailuresFailAtOnceWithTheFix: a plain-HTTP
// server behind https://, a certificate nobody trusts and a host that does
// not exist are each tried once and say what to change, with the default
// retries.
func TestAccProvider_PermanentFailuresFailAtOnceWithTheFix(t *testing.T) {
	clearProductEnv(t)
	listen := func() *countingListener {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		return &countingListener{Listener: ln}
	}
	plainLn := listen()
	plain := &httptest.Server{Listener: plainLn, Config: &http.Server{Handler: http.NotFoundHandler()}}
	plain.Start()
	t.Cleanup(plain.Close)
	tlsLn := listen()
	selfSigned := &httptest.Server{Listener: tlsLn, Config: &http.Server{Handler: http.NotFoundHandler()}}
	selfSigned.StartTLS()
	t.Cleanup(selfSigned.Close)

	cases := []struct {
		name, url, want string
		conns           func() int32
	}{
		{"plain HTTP behind https", strings.Replace(plain.URL, "http://", "https://", 1) + "/jama",
			"(?s)speaks plain HTTP, not HTTPS.*Correct the scheme or the port of `url`", plainLn.accepted.Load},
		{"certificate not trusted", selfSigned.URL + "/jama",
			"(?s)certificate does not verify.*`ca_cert_pem`", tlsLn.accepted.Load},
		{"unknown host", "https://jama.invalid", "(?s)host name does not exist.*`url`", nil},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			before := int32(0)
			if tt.conns != nil {
				before = tt.conns()
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					Config:      jamaOnly(tt.url) + adminLookup,
					ExpectError: acctest.MessagePattern(tt.want),
				}},
			})
			if tt.conns != nil {
				// One attempt per walk that reads (plan, and the apply of
				// the test framework's step), never a retry.
				if got := tt.conns() - before; got < 1 || got > 2 {
					t.Errorf("the server accepted %d connections, want one per attempt and no retry", got)
				}
			}
		})
	}
}
