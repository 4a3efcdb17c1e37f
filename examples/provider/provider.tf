# Configure only the products you use. Every attribute falls back to its
# environment variable (JAMA_URL, JAMA_USERNAME, ...), so credentials can stay
# out of the configuration.
provider "almsync" {
  # Jama Connect: Basic authentication...
  jama {
    url      = "https://acme.jamacloud.com"
    username = "jira.user"
    password = var.jama_password
    # Jama allows 10 requests/s per environment, shared by every integration
    # of the environment (the default here); leave room for the others.
    requests_per_second = 6
  }

  # ...or OAuth client credentials (required where Jama uses SAML/SSO).
  interchange {
    url           = "https://acme.interchange.jamacloud.com"
    client_id     = var.interchange_client_id
    client_secret = var.interchange_client_secret
  }

  # Jitterbit Harmony: the region's Harmony API and its API stage (dev, the
  # default, qa or api); the stage is not a Harmony environment. Use a
  # Harmony account without SSO or two-factor authentication: the Harmony
  # API cannot log in through either.
  jitterbit {
    url             = "https://harmony-api.na-east.jitterbit.com/dev"
    username        = "integration@example.com"
    password        = var.jitterbit_password
    organization_id = "12345"
    environment_id  = "201" # default environment of Jitterbit resources
  }

  aqua {
    url      = "https://app.aqua-cloud.io/aquaWebNG"
    username = "sync.admin"
    password = var.aqua_password
    # Where a bridge serves the provider's aqua-jira-sync contract (the Jira
    # sync resources); default: url.
    # contract_url = "https://bridge.example.com"
  }

  # Optional: an extra CA for instances behind a corporate CA, retries and timeout.
  # ca_cert_pem   = file("corporate-ca.pem")
  max_retries     = 5
  request_timeout = "30s"
}

variable "jama_password" {
  type      = string
  sensitive = true
}

variable "interchange_client_id" {
  type = string
}

variable "interchange_client_secret" {
  type      = string
  sensitive = true
}

variable "jitterbit_password" {
  type      = string
  sensitive = true
}

variable "aqua_password" {
  type      = string
  sensitive = true
}
