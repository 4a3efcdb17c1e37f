# A pipeline gate: the apply (and every later plan) fails when the product's
# own "Test connection" fails. A check block only warns; a postcondition on
# the data source is an error, so terraform exits non-zero.

terraform {
  required_version = ">= 1.11"
  required_providers {
    almsync = {
      source = "almsync/almsync"
    }
  }
}

variable "jama_url" {
  description = "URL of the Jama Connect instance the connector links to."
  type        = string
}

variable "jama_service_username" {
  description = "Jama account Interchange logs in as."
  type        = string
}

variable "jama_service_password" {
  description = "Its password. Ephemeral: never written to plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "jama_service_password_version" {
  description = "Bump to send a rotated password."
  type        = number
  default     = 1
}

resource "almsync_jama_connector" "production" {
  name                = "Production Jama"
  url                 = var.jama_url
  auth_type           = "basic"
  username            = var.jama_service_username
  password_wo         = var.jama_service_password
  password_wo_version = var.jama_service_password_version
}

data "almsync_connection_test" "production" {
  jama_connector_id = almsync_jama_connector.production.id

  lifecycle {
    postcondition {
      condition     = self.success
      error_message = "Interchange cannot connect to ${almsync_jama_connector.production.url}: ${self.message}"
    }
  }
}

# For a later pipeline step: terraform output -json connection_test_passed
output "connection_test_passed" {
  value = data.almsync_connection_test.production.success
}
