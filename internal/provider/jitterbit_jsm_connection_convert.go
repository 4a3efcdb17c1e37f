package provider

import (
	"context"

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
		ProjectID:        m.ProjectID.ValueString(),
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
	m.ProjectID = types.StringValue(c.ProjectID)
	m.Name = types.StringValue(c.Name)
	m.AuthScheme = types.StringValue(c.AuthScheme)
	m.URL = stringOrNull(c.URL)
	m.User = stringOrNull(c.User)
	m.UseProxySettings = types.BoolValue(c.UseProxySettings)
	m.PasswordWO, m.APITokenWO = types.StringNull(), types.StringNull()
	if len(c.AdvancedProperties) == 0 {
		m.AdvancedProperties = types.MapNull(types.StringType)
	} else {
		var d diag.Diagnostics
		m.AdvancedProperties, d = types.MapValueFrom(ctx, types.StringType, c.AdvancedProperties)
		diags.Append(d...)
	}

	m.SSO = ssoModel(m.SSO, c.SSO)
	m.OAuth = oauthModel(m.OAuth, c.OAuth)
	m.SSL = sslModel(m.SSL, c.SSL)
	return diags
}

func ssoModel(prior *jsmSSOModel, s *jitterbit.SSOSettings) *jsmSSOModel {
	if s == nil {
		return nil
	}
	out := &jsmSSOModel{
		LoginURL:    stringOrNull(s.LoginURL),
		Properties:  stringOrNull(s.Properties),
		ExchangeURL: stringOrNull(s.ExchangeURL),
		AppName:     stringOrNull(s.AppName),
	}
	if prior != nil { // write-only values stay null
		out.AppPassword, out.AppPasswordWOVersion = prior.AppPassword, prior.AppPasswordWOVersion
	}
	return out
}

func oauthModel(prior *jsmOAuthModel, o *jitterbit.OAuthSettings) *jsmOAuthModel {
	if o == nil {
		return nil
	}
	expires := types.Int64Null()
	if o.ExpiresIn != 0 {
		expires = types.Int64Value(o.ExpiresIn)
	}
	out := &jsmOAuthModel{
		InitiateOAuth:        stringOrNull(o.InitiateOAuth),
		Version:              stringOrNull(o.Version),
		ClientID:             stringOrNull(o.ClientID),
		Scope:                stringOrNull(o.Scope),
		CloudID:              stringOrNull(o.CloudID),
		ExpiresIn:            expires,
		TokenTimestamp:       stringOrNull(o.TokenTimestamp),
		CertificateStoreType: stringOrNull(o.CertificateStoreType),
		CertificateStore:     stringOrNull(o.CertificateStore),
		CertificateSubject:   stringOrNull(o.CertificateSubject),
	}
	if prior == nil {
		prior = &jsmOAuthModel{} // zero values are null
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
	out := &jsmSSLModel{
		ClientCert:        stringOrNull(s.ClientCert),
		ClientCertType:    stringOrNull(s.ClientCertType),
		ClientCertSubject: stringOrNull(s.ClientCertSubject),
		ServerCert:        stringOrNull(s.ServerCert),
	}
	if prior != nil { // write-only values stay null
		out.ClientCertPassword, out.ClientCertPasswordVersion = prior.ClientCertPassword, prior.ClientCertPasswordVersion
	}
	return out
}
