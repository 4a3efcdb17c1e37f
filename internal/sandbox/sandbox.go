package sandbox

import (
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jama"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Names the sandbox's command and tests use, defined by the kernel.
type (
	// Options configure a Server.
	Options = kernel.Options
	// Faults are the failures the server injects into product requests.
	Faults = kernel.Faults
	// Stats counts the requests the products answered.
	Stats = kernel.Stats
	// ProductStats counts one product's requests.
	ProductStats = kernel.ProductStats
	// FaultStats counts the answers of injected faults.
	FaultStats = kernel.FaultStats
	// Exchange is one recorded request and its answer.
	Exchange = kernel.Exchange
)

// Default credentials accepted by every product.
const (
	DefaultUsername     = kernel.DefaultUsername
	DefaultPassword     = kernel.DefaultPassword
	DefaultClientID     = kernel.DefaultClientID
	DefaultClientSecret = kernel.DefaultClientSecret
)

// MaxLatencyMS is the largest accepted Faults.LatencyMS.
const MaxLatencyMS = kernel.MaxLatencyMS

// MinTokenLifetime is the shortest accepted Options.TokenLifetime.
const MinTokenLifetime = kernel.MinTokenLifetime

// Server serves every emulated product on one handler, with the control
// endpoints. It is safe for concurrent use.
type Server struct {
	*kernel.Server
	jama        *jama.Product
	interchange *interchange.Product
	jitterbit   *jitterbit.Product
	aqua        *aqua.Product
	jira        *jira.Product
}

// New builds a server with every emulated product. With opts.StatePath set
// it loads that file when it exists (a corrupt file is an error naming it);
// otherwise every product starts from its seeded defaults.
func New(opts Options) (*Server, error) {
	s := &Server{
		jama:        jama.New(),
		interchange: interchange.New(),
		jitterbit:   jitterbit.New(),
		aqua:        aqua.New(),
		jira:        jira.New(),
	}
	k, err := kernel.NewServer(opts, s.jama, s.interchange, s.jitterbit, s.aqua, s.jira)
	if err != nil {
		return nil, err
	}
	s.Server = k
	return s, nil
}

// InterchangeConnectorSecrets returns the password and client secret an
// Interchange connector holds, which its API never returns. Tests use it to
// prove that a write-only value reached the product. ok is false when no
// such connector exists.
func (s *Server) InterchangeConnectorSecrets(id int64) (password, clientSecret string, ok bool) {
	return s.interchange.ConnectorSecrets(id)
}

// JiraConnectionPassword returns the Jira password a JIRA Connector
// connection holds; ok is false when no such connection exists.
func (s *Server) JiraConnectionPassword(id int64) (password string, ok bool) {
	return s.jama.JiraConnectionPassword(id)
}

// JitterbitConnectionSecret returns a secret a Jitterbit JSM connection
// holds; field is its JSON path, e.g. "apiToken" or "oauth.refreshToken".
func (s *Server) JitterbitConnectionSecret(id, field string) (value string, ok bool) {
	return s.jitterbit.JitterbitConnectionSecret(id, field)
}

// JitterbitProjectDeployments returns how often PUT /project deployed the
// Integration Studio project with guid, and when last (zero before the
// first); ok is false when no such project exists.
func (s *Server) JitterbitProjectDeployments(guid string) (count int64, last time.Time, ok bool) {
	return s.jitterbit.ProjectDeployments(guid)
}

// AquaSyncSecret returns a secret a Jira sync definition holds; which is one
// of "configuration.password", "configuration.apiToken", "sync.password"
// and "sync.apiToken".
func (s *Server) AquaSyncSecret(syncID int64, which string) (secret string, ok bool) {
	return s.aqua.AquaSyncSecret(syncID, which)
}
