// Package provider is the Terraform glue of the almsync provider: schemas,
// plan-time validation, and the mapping between Terraform values and the
// product clients in internal/api.
package provider

import (
	"context"
	"crypto/x509"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ provider.Provider                   = &almsyncProvider{}
	_ provider.ProviderWithValidateConfig = &almsyncProvider{}
	_ provider.ProviderWithFunctions      = &almsyncProvider{}
	_ provider.ProviderWithListResources  = &almsyncProvider{}
)

// Defaults of the provider-wide settings.
const (
	defaultMaxRetries     = 5
	defaultRequestTimeout = 30 * time.Second
	maxMaxRetries         = 20
)

// almsyncProvider is the almsync provider.
type almsyncProvider struct {
	version string
}

// providerModel is the provider configuration.
type providerModel struct {
	Jama           types.Object `tfsdk:"jama"`
	Interchange    types.Object `tfsdk:"interchange"`
	Jitterbit      types.Object `tfsdk:"jitterbit"`
	Aqua           types.Object `tfsdk:"aqua"`
	CACertPEM      types.String `tfsdk:"ca_cert_pem"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

// New returns a constructor of the provider for the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &almsyncProvider{version: version}
	}
}

func (p *almsyncProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "almsync"
	resp.Version = p.version
}

func (p *almsyncProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	eps := endpoints()
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages the integrations between ALM tools and Jira as code: Jama's classic JIRA Connector, " +
			"Jama Connect Interchange connectors, Jitterbit Jira Service Management connections and project variables, and aqua's Jira sync. " +
			"Every block is optional; configure the products you use.",
		Attributes: map[string]schema.Attribute{
			"ca_cert_pem": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Extra certificate authorities (PEM) trusted for every endpoint, in addition to the system roots, " +
					"e.g. for instances behind a corporate CA. Falls back to the `ALMSYNC_CA_CERT_PEM` environment variable.",
				Validators: []validator.String{pemValidator{}},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("How many times one request is retried after a 500/502/503/504 answer or a transport error "+
					"(a dropped connection, a timeout), with back-off that honours `Retry-After` (Jama and Interchange without it: about 3, 5, 8 and 13 seconds, as Jama asks). "+
					"Creates are not repeated blindly: the provider first looks for the object its lost request may have created. "+
					"Rate-limit (429) answers do not count: the provider waits as the server asks, for up to 5 minutes per request, and paces itself (see `requests_per_second`). "+
					"Permanent failures are not retried: a plain-HTTP server behind an `https://` URL, a certificate that does not verify (see `ca_cert_pem`), an unknown host; "+
					"a refused connection is tried twice. Between 0 and %d. Default value is `%d`. Falls back to the `ALMSYNC_MAX_RETRIES` environment variable.",
					maxMaxRetries, defaultMaxRetries),
				Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)},
			},
			"request_timeout": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Timeout of one HTTP request, as a Go duration such as `30s` or `2m`. Default value is `30s`. " +
					"Falls back to the `ALMSYNC_REQUEST_TIMEOUT` environment variable.",
				Validators: []validator.String{durationValidator{}},
			},
		},
		Blocks: map[string]schema.Block{
			eps.jama.block:        eps.jama.schemaBlock(),
			eps.interchange.block: eps.interchange.schemaBlock(),
			eps.jitterbit.block:   eps.jitterbit.schemaBlock(),
			eps.aqua.block:        eps.aqua.schemaBlock(),
		},
	}
}

func (p *almsyncProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	eps := endpoints()
	resp.Diagnostics.Append(eps.jama.configErrors(cfg.Jama)...)
	resp.Diagnostics.Append(eps.interchange.configErrors(cfg.Interchange)...)
	resp.Diagnostics.Append(eps.jitterbit.configErrors(cfg.Jitterbit)...)
	resp.Diagnostics.Append(eps.aqua.configErrors(cfg.Aqua)...)
}

func (p *almsyncProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings, diags := resolveSettings(cfg)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	eps := endpoints()
	data := &providerData{version: p.version}
	data.jama = eps.jama.resolve(cfg.Jama)
	data.interchange = eps.interchange.resolve(cfg.Interchange)
	data.jitterbit = eps.jitterbit.resolve(cfg.Jitterbit)
	data.aqua = eps.aqua.resolve(cfg.Aqua)
	for _, ep := range []struct {
		spec endpointSpec
		cfg  endpointConfig
	}{{eps.jama, data.jama}, {eps.interchange, data.interchange}, {eps.jitterbit, data.jitterbit}, {eps.aqua, data.aqua}} {
		resp.Diagnostics.Append(ep.spec.validate(ep.cfg)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(eps.clearTextWarnings(map[string]endpointConfig{
		eps.jama.block: data.jama, eps.interchange.block: data.interchange, eps.jitterbit.block: data.jitterbit, eps.aqua.block: data.aqua,
	})...)
	resp.Diagnostics.Append(harmonyURLWarning(data.jitterbit)...)
	data.settings = settings
	resp.Diagnostics.Append(data.buildClients()...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ActionData = data
	resp.ListResourceData = data
}

// resolveSettings merges the provider-wide settings with their environment
// variables and defaults.
func resolveSettings(cfg providerModel) (transportSettings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := transportSettings{maxRetries: defaultMaxRetries, requestTimeout: defaultRequestTimeout}

	s.caCertPEM = os.Getenv("ALMSYNC_CA_CERT_PEM")
	if !cfg.CACertPEM.IsNull() && !cfg.CACertPEM.IsUnknown() {
		s.caCertPEM = cfg.CACertPEM.ValueString()
	}
	if s.caCertPEM != "" && !x509.NewCertPool().AppendCertsFromPEM([]byte(s.caCertPEM)) {
		diags.AddAttributeError(path.Root("ca_cert_pem"), "Invalid CA Certificate",
			"`ca_cert_pem` (or `ALMSYNC_CA_CERT_PEM`) holds no PEM-encoded certificate. Paste the CA certificate including its BEGIN CERTIFICATE and END CERTIFICATE lines.")
	}

	if env := os.Getenv("ALMSYNC_MAX_RETRIES"); env != "" {
		n, err := strconv.Atoi(env)
		if err != nil || n < 0 || n > maxMaxRetries {
			diags.AddAttributeError(path.Root("max_retries"), "Invalid ALMSYNC_MAX_RETRIES",
				fmt.Sprintf("The environment variable `ALMSYNC_MAX_RETRIES` is %q; it must be a whole number between 0 and %d.", env, maxMaxRetries))
		} else {
			s.maxRetries = n
		}
	}
	if !cfg.MaxRetries.IsNull() && !cfg.MaxRetries.IsUnknown() {
		s.maxRetries = int(cfg.MaxRetries.ValueInt64())
	}

	timeout, from := os.Getenv("ALMSYNC_REQUEST_TIMEOUT"), "the environment variable `ALMSYNC_REQUEST_TIMEOUT`"
	if !cfg.RequestTimeout.IsNull() && !cfg.RequestTimeout.IsUnknown() {
		timeout, from = cfg.RequestTimeout.ValueString(), "`request_timeout`"
	}
	if timeout != "" {
		d, msg := parseTimeout(timeout)
		if msg != "" {
			diags.AddAttributeError(path.Root("request_timeout"), "Invalid Request Timeout", fmt.Sprintf("%s is %q: %s", from, timeout, msg))
		} else {
			s.requestTimeout = d
		}
	}
	return s, diags
}

func (p *almsyncProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		newJamaConnectorResource,
		newJamaUserResource,
		newJiraSyncConnectionResource,
		newJSMConnectionResource,
		newProjectVariableResource,
		newAquaSyncUserResource,
		newAquaJiraSyncResource,
		newAquaFieldMappingResource,
		newAquaValueMappingResource,
	}
}

// ListResources are the list resources of `terraform query` (Terraform
// 1.14 and later): one per resource type, with the same type name.
func (p *almsyncProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		newJamaConnectorListResource,
		newJamaUserListResource,
		newJiraSyncConnectionListResource,
		newJSMConnectionListResource,
		newProjectVariableListResource,
		newAquaSyncUserListResource,
		newAquaJiraSyncListResource,
		newAquaFieldMappingListResource,
		newAquaValueMappingListResource,
	}
}

func (p *almsyncProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newJamaUserDataSource,
		newJiraPreflightDataSource,
		newConnectionTestDataSource,
		newJitterbitProjectDataSource,
	}
}

func (p *almsyncProvider) Functions(_ context.Context) []func() function.Function {
	return []func() function.Function{
		newCronNextFunction,
		newCronDescribeFunction,
	}
}
