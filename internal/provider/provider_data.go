package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// transportSettings are the provider-wide HTTP settings.
type transportSettings struct {
	caCertPEM      string
	maxRetries     int
	requestTimeout time.Duration
}

// providerData is what Configure hands to resources and data sources: one
// client per configured product. A nil client means the product's block and
// variables are absent.
type providerData struct {
	version     string
	settings    transportSettings
	jama        endpointConfig
	interchange endpointConfig
	jitterbit   endpointConfig
	aqua        endpointConfig

	jamaClient        *jama.Client
	interchangeClient *interchange.Client
	jitterbitClient   *jitterbit.Client
	aquaClient        *aqua.Client
}

// transport returns a new HTTP stack for one product block, with the
// block's pacer: one per block and provider configuration, so every
// resource of the configuration shares the product's request rate.
// Building it makes no request.
func (d *providerData) transport(spec endpointSpec, cfg endpointConfig) (*transport.Client, error) {
	return transport.New(transport.Config{
		Product:        spec.product,
		Version:        d.version,
		CACertPEM:      d.settings.caCertPEM,
		MaxRetries:     d.settings.maxRetries,
		RequestTimeout: d.settings.requestTimeout,
		Backoff:        spec.pace.backoff,
		Pacer:          transport.NewPacer(cfg.rate),
	})
}

// credentials returns the Jama-style credentials of a resolved block.
func credentials(cfg endpointConfig) jama.Credentials {
	return jama.Credentials{
		Username:     cfg.get("username"),
		Password:     cfg.get("password"),
		ClientID:     cfg.get("client_id"),
		ClientSecret: cfg.get("client_secret"),
	}
}

// buildClients builds the clients of the configured products.
func (d *providerData) buildClients() diag.Diagnostics {
	var diags diag.Diagnostics
	eps := endpoints()
	fail := func(product string, err error) {
		diags.AddError(fmt.Sprintf("Unable to Configure %s Client", product), err.Error())
	}
	if d.jama.configured && !d.jama.unknown {
		tc, err := d.transport(eps.jama, d.jama)
		if err == nil {
			d.jamaClient, err = jama.New(d.jama.get("url"), credentials(d.jama), tc, jama.WithContractURL(d.jama.get("contract_url")))
		}
		if err != nil {
			fail("Jama", err)
		}
	}
	if d.interchange.configured && !d.interchange.unknown {
		tc, err := d.transport(eps.interchange, d.interchange)
		if err == nil {
			d.interchangeClient, err = interchange.New(d.interchange.get("url"), credentials(d.interchange), tc, jama.WithContractURL(d.interchange.get("contract_url")))
		}
		if err != nil {
			fail("Interchange", err)
		}
	}
	if d.jitterbit.configured && !d.jitterbit.unknown {
		tc, err := d.transport(eps.jitterbit, d.jitterbit)
		if err == nil {
			d.jitterbitClient, err = jitterbit.New(d.jitterbit.get("url"), jitterbit.Credentials{
				Username:       d.jitterbit.get("username"),
				Password:       d.jitterbit.get("password"),
				OrganizationID: d.jitterbit.get("organization_id"),
			}, tc, jitterbit.WithContractURL(d.jitterbit.get("contract_url")))
		}
		if err != nil {
			fail("Jitterbit", err)
		}
	}
	if d.aqua.configured && !d.aqua.unknown {
		tc, err := d.transport(eps.aqua, d.aqua)
		if err == nil {
			d.aquaClient, err = aqua.New(d.aqua.get("url"), aqua.Credentials{Username: d.aqua.get("username"), Password: d.aqua.get("password")}, tc, aqua.WithContractURL(d.aqua.get("contract_url")))
		}
		if err != nil {
			fail("aqua", err)
		}
	}
	return diags
}

// notConfigured is the error of a resource whose product block is missing,
// or whose values are not known until apply.
func notConfigured(spec endpointSpec, cfg endpointConfig, typeName string) (string, string) {
	if cfg.unknown {
		return fmt.Sprintf("%s Configuration Unknown", spec.product),
			fmt.Sprintf("%s needs the provider's `%s` block, but some of its values depend on resources that are not created yet. "+
				"Use values known at plan time (literals, variables or environment variables %s), or apply those resources first with `-target`.",
				typeName, spec.block, spec.envList())
	}
	return fmt.Sprintf("%s Not Configured", spec.product),
		fmt.Sprintf("%s needs the provider's `%s` block. Add `%s { url = ... }` with its credentials to the `provider \"almsync\"` block, "+
			"or set the environment variables %s.", typeName, spec.block, spec.block, spec.envList())
}

// productClient picks one product's client from the provider's data, with
// what is needed to say how to configure it when it is missing.
type productClient[C any] func(d *providerData) (client *C, spec endpointSpec, cfg endpointConfig)

func jamaProduct(d *providerData) (*jama.Client, endpointSpec, endpointConfig) {
	return d.jamaClient, endpoints().jama, d.jama
}

func interchangeProduct(d *providerData) (*interchange.Client, endpointSpec, endpointConfig) {
	return d.interchangeClient, endpoints().interchange, d.interchange
}

func jitterbitProduct(d *providerData) (*jitterbit.Client, endpointSpec, endpointConfig) {
	return d.jitterbitClient, endpoints().jitterbit, d.jitterbit
}

func aquaProduct(d *providerData) (*aqua.Client, endpointSpec, endpointConfig) {
	return d.aquaClient, endpoints().aqua, d.aqua
}

// clientFor returns the client that typeName needs from the data handed to
// its Configure, or nil: before the provider is configured (no error), or
// with an error naming the missing block and its variables.
func clientFor[C any](raw any, diags *diag.Diagnostics, typeName string, pick productClient[C]) *C {
	data := providerDataFrom(raw, diags)
	if data == nil {
		return nil
	}
	client, spec, cfg := pick(data)
	if client == nil {
		diags.AddError(notConfigured(spec, cfg, typeName))
	}
	return client
}
