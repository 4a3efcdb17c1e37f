# Every connection goes through a bridge that serves the provider's JSM
# connection contract; the provider's jitterbit block names it with
# contract_url (default: jitterbit.url, which no Harmony region serves).

# Basic with an API token (Jira Cloud): user is the account's email address.
resource "almsync_jitterbit_jsm_connection" "basic" {
  project_guid         = var.project_guid
  name                 = "JSM Cloud"
  auth_scheme          = "Basic"
  url                  = "https://acme.atlassian.net"
  user                 = "integration@example.com"
  api_token_wo         = var.jsm_api_token
  api_token_wo_version = 1
}

# OAuth, scenario 2 (generally the best method): an access token renewed with
# a refresh token, both obtained from the endpoint with a tool such as Postman.
# The URL comes from a Jitterbit project variable.
resource "almsync_jitterbit_jsm_connection" "oauth" {
  project_guid = var.project_guid
  name         = "JSM OAuth"
  auth_scheme  = "OAuth"
  url          = "[jsm_url]"

  oauth {
    initiate_oauth           = "REFRESH"
    version                  = "2.0"
    access_token_wo          = var.jsm_access_token
    access_token_wo_version  = 1
    refresh_token_wo         = var.jsm_refresh_token
    refresh_token_wo_version = 1
  }

  # Several OAuth connections on one Private Agent need a path each, or they
  # overwrite each other's tokens.
  advanced_properties = {
    OAuthSettingsLocation = "/opt/jitterbit/oauth/jsm-oauth.txt"
  }
}

# Crowd: the Jira user plus the Crowd application's SSO settings.
resource "almsync_jitterbit_jsm_connection" "crowd" {
  project_guid        = var.project_guid
  name                = "JSM Data Center"
  auth_scheme         = "Crowd"
  url                 = "https://jira.example.com"
  user                = "svc-jitterbit"
  password_wo         = var.jira_password
  password_wo_version = 1

  sso {
    login_url               = "https://crowd.example.com/crowd"
    app_name                = "jitterbit"
    app_password_wo         = var.crowd_app_password
    app_password_wo_version = 1
  }
}

# The connections are created in the provider's default environment
# (jitterbit.environment_id); set environment_id on a resource to choose
# another one.
variable "project_guid" {
  description = "GUID of the Integration Studio project the connections belong to, as the Harmony API shows it."
  type        = string
}

variable "jsm_api_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jsm_access_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jsm_refresh_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "jira_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "crowd_app_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
