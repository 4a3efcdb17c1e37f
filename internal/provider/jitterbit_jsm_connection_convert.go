package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

// jsmConnectionFromModel builds the API request from the plan; secrets are
// filled in by fillJSMSecrets.
func jsmConnectionFromModel(ctx context.Context, m jsmConnectionModel) (jitterbit.JSMConnection, diag.Diagnostics) {
	var diags diag.Diagnostics
	c := jitterbit.JSMConnection{
		EnvironmentID:    m.EnvironmentID.ValueString(),
		ProjectGUID:      m.ProjectGUID.ValueString(),
		Name:             m.Name.ValueString(),
		AuthScheme:       m.AuthScheme.ValueString(),
		URL:              m.URL.ValueString(),
		User:             m.User.ValueString(),
		UseProxySettings: m.UseProxySettings.ValueBool(),
	}
	if !m.AdvancedProperties.IsNull() {
		diags.Append(m.AdvancedProperties.ElementsAs(ctx, &c.AdvancedProperties, false)...)
	}
	if s := m.SSO; s != nil {
		c.SSO = &jitterbit.SSOSettings{
			LoginURL:    s.LoginURL.ValueString(),
			Properties:  s.Properties.ValueString(),
			ExchangeURL: s.ExchangeURL.ValueString(),
			AppName:     s.AppName.ValueString(),
		}
	}
	if o := m.OAuth; o != nil {
		c.OAuth = &jitterbit.OAuthSettings{
			InitiateOAuth:        o.InitiateOAuth.ValueString(),
			Version:              o.Version.ValueString(),
			ClientID:             o.ClientID.ValueString(),
			Scope:                o.Scope.ValueString(),
			CloudID:              o.CloudID.ValueString(),
			ExpiresIn:            o.ExpiresIn.ValueInt64(),
			TokenTimestamp:       o.TokenTimestamp.ValueString(),
			CertificateStoreType: o.CertificateStoreType.ValueString(),
			CertificateStore:     o.CertificateStore.ValueString(),
			CertificateSubject:   o.CertificateSubject.ValueString(),
		}
	}
	if s := m.SSL; s != nil {
		c.SSL = &jitterbit.SSLSettings{
			ClientCert:        s.ClientCert.ValueString(),
			ClientCertType:    s.ClientCertType.ValueString(),
			ClientCertSubject: s.ClientCertSubject.ValueString(),
			ServerCert:        s.ServerCert.ValueString(),
		}
	}
	return c, diags
}

// fillJSMSecrets sets every secret of c that secret returns a value for;
// secret is secretForCreate or secretForUpdate.
func fillJSMSecrets(c *jitterbit.JSMConnection, secret func(path.Path) (string, diag.Diagnostics)) diag.Diagnostics {
	var diags diag.Diagnostics
	set := func(dst *string, p path.Path) {
		v, d := secret(p)
		diags.Append(d...)
		*dst = v
	}
	set(&c.Password, path.Root("password"))
	set(&c.APIToken, path.Root("api_token"))
	if c.SSO != nil {
		set(&c.SSO.AppPassword, path.Root("sso").AtName("app_password"))
	}
	if o := c.OAuth; o != nil {
		at := func(name string) path.Path { return path.Root("oauth").AtName(name) }
		set(&o.ClientSecret, at("client_secret"))
		set(&o.AccessToken, at("access_token"))
		set(&o.Verifier, at("verifier"))
		set(&o.AuthToken, at("auth_token"))
		set(&o.AuthKey, at("auth_key"))
		set(&o.RefreshToken, at("refresh_token"))
		set(&o.CertificateStorePassword, at("certificate_store_password"))
	}
	if c.SSL != nil {
		set(&c.SSL.ClientCertPassword, path.Root("ssl").AtName("client_cert_password"))
	}
	return diags
}

// modelFromJSMConnection copies what the API returns into m. Secrets are
// never returned, so m keeps them (and their versions); write-only values
// stay null.
func modelFromJSMConnection(ctx context.Context, m *jsmConnectionModel, c jitterbit.JSMConnection) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(c.ID)
	m.EnvironmentID = types.StringValue(c.EnvironmentID)
	m.ProjectGUID = types.StringValue(c.ProjectGUID)
	m.Name = types.StringValue(c.Name)
	m.AuthScheme = types.StringValue(c.AuthScheme)
	m.URL = keptString(c.URL, m.URL)
	m.User = keptString(c.User, m.User)
	m.UseProxySettings = types.BoolValue(c.UseProxySettings)
	m.PasswordWO, m.APITokenWO = types.StringNull(), types.StringNull()
	m.AdvancedProperties = keptMap(ctx, c.AdvancedProperties, m.AdvancedProperties, &diags)

	m.SSO = ssoModel(m.SSO, c.SSO)
	m.OAuth = oauthModel(m.OAuth, c.OAuth)
	m.SSL = sslModel(m.SSL, c.SSL)
	return diags
}

func ssoModel(prior *jsmSSOModel, s *jitterbit.SSOSettings) *jsmSSOModel {
	if s == nil {
		return nil
	}
	if prior == nil {
		prior = &jsmSSOModel{} // zero values are null
	}
	return &jsmSSOModel{
		LoginURL:    keptString(s.LoginURL, prior.LoginURL),
		Properties:  keptString(s.Properties, prior.Properties),
		ExchangeURL: keptString(s.ExchangeURL, prior.ExchangeURL),
		AppName:     keptString(s.AppName, prior.AppName),
		// Secrets are never returned; write-only values stay null.
		AppPassword: prior.AppPassword, AppPasswordWOVersion: prior.AppPasswordWOVersion,
	}
}

func oauthModel(prior *jsmOAuthModel, o *jitterbit.OAuthSettings) *jsmOAuthModel {
	if o == nil {
		return nil
	}
	if prior == nil {
		prior = &jsmOAuthModel{} // zero values are null
	}
	expires := types.Int64Null()
	if o.ExpiresIn != 0 {
		expires = types.Int64Value(o.ExpiresIn)
	}
	out := &jsmOAuthModel{
		InitiateOAuth:        keptString(o.InitiateOAuth, prior.InitiateOAuth),
		Version:              keptString(o.Version, prior.Version),
		ClientID:             keptString(o.ClientID, prior.ClientID),
		Scope:                keptString(o.Scope, prior.Scope),
		CloudID:              keptString(o.CloudID, prior.CloudID),
		ExpiresIn:            expires,
		TokenTimestamp:       keptString(o.TokenTimestamp, prior.TokenTimestamp),
		CertificateStoreType: keptString(o.CertificateStoreType, prior.CertificateStoreType),
		CertificateStore:     keptString(o.CertificateStore, prior.CertificateStore),
		CertificateSubject:   keptString(o.CertificateSubject, prior.CertificateSubject),
	}
	out.ClientSecret, out.ClientSecretWOVersion = prior.ClientSecret, prior.ClientSecretWOVersion
	out.AccessToken, out.AccessTokenWOVersion = prior.AccessToken, prior.AccessTokenWOVersion
	out.Verifier, out.VerifierWOVersion = prior.Verifier, prior.VerifierWOVersion
	out.AuthToken, out.AuthTokenWOVersion = prior.AuthToken, prior.AuthTokenWOVersion
	out.AuthKey, out.AuthKeyWOVersion = prior.AuthKey, prior.AuthKeyWOVersion
	out.RefreshToken, out.RefreshTokenWOVersion = prior.RefreshToken, prior.RefreshTokenWOVersion
	out.CertificateStorePassword, out.CertificateStorePasswordVersion = prior.CertificateStorePassword, prior.CertificateStorePasswordVersion
	return out
}

func sslModel(prior *jsmSSLModel, s *jitterbit.SSLSettings) *jsmSSLModel {
	if s == nil {
		return nil
	}
	if prior == nil {
		prior = &jsmSSLModel{} // zero values are null
	}
	return &jsmSSLModel{
		ClientCert:        keptString(s.ClientCert, prior.ClientCert),
		ClientCertType:    keptString(s.ClientCertType, prior.ClientCertType),
		ClientCertSubject: keptString(s.ClientCertSubject, prior.ClientCertSubject),
		ServerCert:        keptString(s.ServerCert, prior.ServerCert),
		// Secrets are never returned; write-only values stay null.
		ClientCertPassword: prior.ClientCertPassword, ClientCertPasswordVersion: prior.ClientCertPasswordVersion,
	}
}

// keptString is the API's value s as an attribute, null when s is empty,
// except that an empty string the configuration gave (prior) is kept: the
// product treats "" as unset and returns nothing, and keeping it makes
// the result match the plan.
func keptString(s string, prior types.String) types.String {
	if s == "" && !prior.IsNull() && !prior.IsUnknown() && prior.ValueString() == "" {
		return prior
	}
	return stringOrNull(s)
}

// keptMap is the API's map values as an attribute, null when empty,
// except that an empty map the configuration gave (prior) stays empty:
// `{}` and null mean the same to the product, and keeping the form given
// makes the result match the plan.
func keptMap(ctx context.Context, values map[string]string, prior types.Map, diags *diag.Diagnostics) types.Map {
	if len(values) == 0 {
		if prior.IsNull() || prior.IsUnknown() {
			return types.MapNull(types.StringType)
		}
		return types.MapValueMust(types.StringType, map[string]attr.Value{})
	}
	m, d := types.MapValueFrom(ctx, types.StringType, values)
	diags.Append(d...)
	return m
}
