# One connector per Jama Connect instance; reuse it for every integration.
resource "almsync_jama_connector" "production" {
  name      = "Production Jama"
  url       = "https://acme.jamacloud.com"
  auth_type = "basic"
  username  = "InterchangeServiceAccount"

  # Write-only (Terraform 1.11+): never stored in plan or state.
  # Bump password_wo_version to send a new password.
  password_wo         = var.interchange_service_password
  password_wo_version = 1
}

# SAML/SSO instances: OAuth client credentials from Jama's "Set API credentials".
resource "almsync_jama_connector" "sso" {
  name                     = "SSO Jama"
  url                      = "https://sso.jamacloud.com"
  auth_type                = "oauth"
  client_id                = "interchange-client"
  client_secret_wo         = var.interchange_client_secret
  client_secret_wo_version = 1
}

variable "interchange_service_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "interchange_client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
