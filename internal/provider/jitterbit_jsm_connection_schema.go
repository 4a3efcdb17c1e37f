package provider

import (
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// oauthSettingsLocationWarning is the seed's note on several OAuth
// connections on one private agent.
const oauthSettingsLocationWarning = "If using multiple OAuth-based Jira Service Management connections on the same Private Agent, set the configuration property " +
	"OAuthSettingsLocation to a unique writeable agent path for each connection. In the jitterbit.conf file for the agent, set EnableLocalFileLocation=true. " +
	"If you don't perform these two steps, the multiple connections will use the same default path and overwrite each other."

// Auth schemes of a Jira Service Management connection.
const (
	schemeAuto  = "Auto"
	schemeOAuth = "OAuth"
	schemeBasic = "Basic"
	schemeCrowd = "Crowd"
)

// variableNote is appended to fields that accept Jitterbit variables.
const variableNote = " May hold a Jitterbit variable reference such as `[variable_name]`, which skips format checks."

type jsmConnectionModel struct {
	ID                 types.String   `tfsdk:"id"`
	EnvironmentID      types.String   `tfsdk:"environment_id"`
	ProjectGUID        types.String   `tfsdk:"project_guid"`
	Name               types.String   `tfsdk:"name"`
	AuthScheme         types.String   `tfsdk:"auth_scheme"`
	URL                types.String   `tfsdk:"url"`
	User               types.String   `tfsdk:"user"`
	Password           types.String   `tfsdk:"password"`
	PasswordWO         types.String   `tfsdk:"password_wo"`
	PasswordWOVersion  types.Int64    `tfsdk:"password_wo_version"`
	APIToken           types.String   `tfsdk:"api_token"`
	APITokenWO         types.String   `tfsdk:"api_token_wo"`
	APITokenWOVersion  types.Int64    `tfsdk:"api_token_wo_version"`
	SSO                *jsmSSOModel   `tfsdk:"sso"`
	OAuth              *jsmOAuthModel `tfsdk:"oauth"`
	SSL                *jsmSSLModel   `tfsdk:"ssl"`
	UseProxySettings   types.Bool     `tfsdk:"use_proxy_settings"`
	AdvancedProperties types.Map      `tfsdk:"advanced_properties"`
}

type jsmSSOModel struct {
	LoginURL             types.String `tfsdk:"login_url"`
	Properties           types.String `tfsdk:"properties"`
	ExchangeURL          types.String `tfsdk:"exchange_url"`
	AppName              types.String `tfsdk:"app_name"`
	AppPassword          types.String `tfsdk:"app_password"`
	AppPasswordWO        types.String `tfsdk:"app_password_wo"`
	AppPasswordWOVersion types.Int64  `tfsdk:"app_password_wo_version"`
}

type jsmOAuthModel struct {
	InitiateOAuth                   types.String `tfsdk:"initiate_oauth"`
	Version                         types.String `tfsdk:"version"`
	ClientID                        types.String `tfsdk:"client_id"`
	ClientSecret                    types.String `tfsdk:"client_secret"`
	ClientSecretWO                  types.String `tfsdk:"client_secret_wo"`
	ClientSecretWOVersion           types.Int64  `tfsdk:"client_secret_wo_version"`
	AccessToken                     types.String `tfsdk:"access_token"`
	AccessTokenWO                   types.String `tfsdk:"access_token_wo"`
	AccessTokenWOVersion            types.Int64  `tfsdk:"access_token_wo_version"`
	Scope                           types.String `tfsdk:"scope"`
	CloudID                         types.String `tfsdk:"cloud_id"`
	Verifier                        types.String `tfsdk:"verifier"`
	VerifierWO                      types.String `tfsdk:"verifier_wo"`
	VerifierWOVersion               types.Int64  `tfsdk:"verifier_wo_version"`
	AuthToken                       types.String `tfsdk:"auth_token"`
	AuthTokenWO                     types.String `tfsdk:"auth_token_wo"`
	AuthTokenWOVersion              types.Int64  `tfsdk:"auth_token_wo_version"`
	AuthKey                         types.String `tfsdk:"auth_key"`
	AuthKeyWO                       types.String `tfsdk:"auth_key_wo"`
	AuthKeyWOVersion                types.Int64  `tfsdk:"auth_key_wo_version"`
	RefreshToken                    types.String `tfsdk:"refresh_token"`
	RefreshTokenWO                  types.String `tfsdk:"refresh_token_wo"`
	RefreshTokenWOVersion           types.Int64  `tfsdk:"refresh_token_wo_version"`
	ExpiresIn                       types.Int64  `tfsdk:"expires_in"`
	TokenTimestamp                  types.String `tfsdk:"token_timestamp"`
	CertificateStoreType            types.String `tfsdk:"certificate_store_type"`
	CertificateStore                types.String `tfsdk:"certificate_store"`
	CertificateStorePassword        types.String `tfsdk:"certificate_store_password"`
	CertificateStorePasswordWO      types.String `tfsdk:"certificate_store_password_wo"`
	CertificateStorePasswordVersion types.Int64  `tfsdk:"certificate_store_password_wo_version"`
	CertificateSubject              types.String `tfsdk:"certificate_subject"`
}

type jsmSSLModel struct {
	ClientCert                types.String `tfsdk:"client_cert"`
	ClientCertType            types.String `tfsdk:"client_cert_type"`
	ClientCertPassword        types.String `tfsdk:"client_cert_password"`
	ClientCertPasswordWO      types.String `tfsdk:"client_cert_password_wo"`
	ClientCertPasswordVersion types.Int64  `tfsdk:"client_cert_password_wo_version"`
	ClientCertSubject         types.String `tfsdk:"client_cert_subject"`
	ServerCert                types.String `tfsdk:"server_cert"`
}

// emptyMeansUnset is appended to optional text fields where the product
// treats an empty field as unset.
const emptyMeansUnset = " An empty string (`\"\"`, e.g. a variable whose default is `\"\"`) means unset, as an empty field of the product's screen does."

// optionalString is a plain optional text field of the connection screen.
// An empty string means unset, as an empty field of the screen does; it is
// kept as given in state, so it plans clean.
func optionalString(desc string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: desc + emptyMeansUnset,
		Validators:          validators,
	}
}

// optionalNonEmptyString is an optional text field that, when set, must not
// be empty.
func optionalNonEmptyString(desc string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: desc,
		Validators:          append([]validator.String{stringvalidator.LengthAtLeast(1)}, validators...),
	}
}

// withSecrets adds the secret pairs to attrs.
func withSecrets(attrs map[string]schema.Attribute, secrets map[string]string) map[string]schema.Attribute {
	for name, what := range secrets {
		maps.Copy(attrs, secretAttributes(name, what))
	}
	return attrs
}

func jsmConnectionSchema() schema.Schema {
	attrs := withSecrets(map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Identifier of the connection in Jitterbit.",
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"environment_id": jitterbitEnvironmentIDAttribute("the connection", "Changing it creates the connection in the other environment and deletes this one: a connection never moves."),
		"project_guid":   jitterbitProjectGUIDAttribute("the connection belongs to", "Changing it creates the connection in the other project and deletes this one."),
		"name": schema.StringAttribute{
			Required: true,
			MarkdownDescription: "Connection Name: identifies the connection and its Jira Service Management endpoint. It must be unique for each Jira Service Management connection " +
				"of the project in the environment (compared without regard to case) and must not contain forward slashes (/) or colons (:).",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1), noSurroundingSpace{}, jitterbitName{}},
		},
		"auth_scheme": schema.StringAttribute{
			Optional: true,
			Computed: true,
			Default:  stringdefault.StaticString(schemeAuto),
			MarkdownDescription: "Auth Scheme: one of " + backtickList(jitterbit.AuthSchemes()) + ". `Basic` needs `user` and `password` or `api_token`; " +
				"`OAuth` needs the `oauth` block; `Crowd` needs `user`, `password` and the `sso` block's `login_url`, `app_name` and `app_password`; " +
				"`Auto` lets the connector choose from the credentials given. A block the chosen scheme does not use is an error, and so is `api_token` with `Crowd`, " +
				"which never sends it; `Basic` with both `password` and `api_token`, and `Auto` with no credentials at all, get a plan-time warning. " +
				"The values are case-sensitive, as Jitterbit lists them. Default value is `Auto`.",
			Validators: []validator.String{jitterbitOneOf{values: jitterbit.AuthSchemes()}},
		},
		"url":  optionalString("URL of the Jira Service Management site, e.g. `https://acme.atlassian.net`."+variableNote, jitterbitURL{}),
		"user": optionalString("User: the Jira user the connection logs in as (with `Basic` and `Crowd`)." + variableNote),
		"use_proxy_settings": schema.BoolAttribute{
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(false),
			MarkdownDescription: "Use Proxy Settings: use the Private Agent's proxy settings. Default value is `false`.",
		},
		"advanced_properties": schema.MapAttribute{
			Optional:    true,
			ElementType: types.StringType,
			MarkdownDescription: "Advanced Configurations: additional configuration properties as key-value pairs; `{}` means none, as an unset attribute does. " +
				"With several OAuth connections on one Private Agent, set `OAuthSettingsLocation` to a unique writeable agent path for each connection " +
				"(and `EnableLocalFileLocation=true` in the agent's jitterbit.conf); an `OAuth` connection without it gets a plan-time warning. " +
				"Values may use Jitterbit variables (agent 10.75 / 11.13 or later).",
		},
	}, map[string]string{
		"password":  "Password of `user`.",
		"api_token": "API Token of `user` (Jira Cloud): with `Basic`, either this or a password.",
	})

	sso := withSecrets(map[string]schema.Attribute{
		"login_url":    optionalString("SSO Login URL."+variableNote, jitterbitURL{}),
		"properties":   optionalString("SSO Properties, as the identity provider expects them." + variableNote),
		"exchange_url": optionalString("SSO Exchange Url."+variableNote, jitterbitURL{}),
		"app_name":     optionalString("SSO App Name (the Crowd application name)." + variableNote),
	}, map[string]string{"app_password": "SSO App Password (the Crowd application password)."})

	oauth := withSecrets(map[string]schema.Attribute{
		"initiate_oauth": schema.StringAttribute{
			Optional: true,
			MarkdownDescription: "Initiate OAuth (required in this block): one of " + backtickList(jitterbit.InitiateOAuthValues()) + ". " +
				"`OFF` (scenario 1) uses `access_token` until it expires, after which the connection stops working; " +
				"`REFRESH` (scenario 2, generally the best method) uses `access_token` and renews it with `refresh_token`; " +
				"`GETANDREFRESH` obtains tokens with `client_id` and `client_secret`. Both token scenarios work only for single-agent groups.",
			Validators: []validator.String{jitterbitOneOf{values: jitterbit.InitiateOAuthValues()}},
		},
		"version":   optionalString("OAuth Version: one of "+backtickList(jitterbit.OAuthVersions())+".", jitterbitOneOf{values: jitterbit.OAuthVersions()}),
		"client_id": optionalString("OAuth Client Id (needed with `GETANDREFRESH`)." + variableNote),
		"scope":     optionalString("Scope." + variableNote),
		"cloud_id":  optionalString("Cloud Id of the Atlassian site." + variableNote),
		"expires_in": schema.Int64Attribute{
			Optional:            true,
			MarkdownDescription: "OAuth Expires In: the time in seconds that the OAuth token expires in. Must be positive.",
			Validators:          []validator.Int64{int64validator.AtLeast(1)},
		},
		"token_timestamp": optionalString("OAuth Token Timestamp." + variableNote),
		"certificate_store_type": optionalString(fmt.Sprintf("Certificate Store Type: one of %s (the OAuth list, which differs from `ssl.client_cert_type`'s).",
			backtickList(jitterbit.CertificateStoreTypes())), jitterbitOneOf{values: jitterbit.CertificateStoreTypes()}),
		"certificate_store":   optionalString("Certificate Store: a path or blob, as `certificate_store_type` says." + variableNote),
		"certificate_subject": optionalString("Certificate Subject." + variableNote),
	}, map[string]string{
		"client_secret":              "OAuth Client Secret (needed with `GETANDREFRESH`).",
		"access_token":               "OAuth Access Token obtained from the endpoint (needed with `OFF` and `REFRESH`).",
		"verifier":                   "OAuth Verifier.",
		"auth_token":                 "Auth Token.",
		"auth_key":                   "Auth Key.",
		"refresh_token":              "OAuth Refresh Token obtained from the endpoint (needed with `REFRESH`).",
		"certificate_store_password": "Certificate Store Password.",
	})

	ssl := withSecrets(map[string]schema.Attribute{
		"client_cert": optionalString("SSL Client Cert: a path or blob, as `client_cert_type` says." + variableNote),
		"client_cert_type": optionalString(fmt.Sprintf("SSL Client Cert Type: one of %s (the SSL list, which differs from `oauth.certificate_store_type`'s).",
			backtickList(jitterbit.ClientCertTypes())), jitterbitOneOf{values: jitterbit.ClientCertTypes()}),
		"client_cert_subject": optionalString("SSL Client Cert Subject." + variableNote),
		"server_cert":         optionalString("SSL Server Cert: the server certificate to accept." + variableNote),
	}, map[string]string{"client_cert_password": "SSL Client Cert Password."})

	return schema.Schema{
		MarkdownDescription: "A Jira Service Management connection of a Jitterbit Integration Studio project, every field of its configuration screen. " +
			"Jitterbit recommends the Jira Service Management v2 connector. " +
			"The connection belongs to a project (`project_guid`) in one Harmony environment (`environment_id`) and never moves. " +
			"Fields that accept Jitterbit variables may hold a reference such as `[jsm_url]`.\n\n" +
			"**Contract.** Harmony has no API for connections, so this resource speaks the provider's own published contract `jitterbit-jsm-connections` " +
			"(routes below `/almsync/jitterbit-jsm-connections/v1`, with Harmony's login and envelope), which no Harmony region serves: " +
			"a bridge in front of Integration Studio does. Set the provider's `jitterbit.contract_url` (or `JITTERBIT_CONTRACT_URL`) to the bridge's URL; " +
			"it defaults to `jitterbit.url`, and the login and the project check always go to `jitterbit.url`. " +
			"Where nothing serves the contract, a plan, refresh or import fails with an error saying so, and never reads the connection as deleted. " +
			"Without a bridge, define the connection in Integration Studio with project variable references such as `[jsm_url]` " +
			"and set each environment's values with `almsync_jitterbit_project_variable`.",
		Attributes: attrs,
		Blocks: map[string]schema.Block{
			"sso": schema.SingleNestedBlock{
				MarkdownDescription: "SSO settings, used by the `Crowd` (and `Auto`) scheme.",
				Attributes:          sso,
			},
			"oauth": schema.SingleNestedBlock{
				MarkdownDescription: "OAuth settings, used by the `OAuth` (and `Auto`) scheme. " + oauthSettingsLocationWarning,
				Attributes:          oauth,
			},
			"ssl": schema.SingleNestedBlock{
				MarkdownDescription: "SSL client and server certificates, usable with every scheme.",
				Attributes:          ssl,
			},
		},
	}
}
