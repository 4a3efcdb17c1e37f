# One module for every Harmony environment: the values of the project
# variables that the project's Jira Service Management connection references.
# The connection itself is defined once, in Integration Studio, with
# URL = [jsm_url], User = [jsm_user] and API Token = [jsm_api_token];
# deploying the project to an environment and setting these variables there
# is all a promotion needs.

terraform {
  required_providers {
    almsync = {
      source = "almsync/almsync"
    }
  }
}

variable "environment_id" {
  description = "ID of the Harmony environment, e.g. 201 for Development."
  type        = string
}

variable "project_guid" {
  description = "GUID of the Integration Studio project, as the Harmony API shows it."
  type        = string
}

variable "jsm_url" {
  description = "URL of this environment's Jira Service Management site."
  type        = string
}

variable "jsm_user" {
  description = "Jira account the connection logs in as (an email address on Jira Cloud)."
  type        = string
}

variable "jsm_api_token" {
  description = "Its API token. Ephemeral: never in plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "jsm_api_token_version" {
  description = "Bump to send a rotated token."
  type        = number
  default     = 1
}

# The project must be deployed to the environment and define the variables.
data "almsync_jitterbit_project" "this" {
  environment_id = var.environment_id
  project_guid   = var.project_guid
}

locals {
  required_variables = ["jsm_api_token", "jsm_url", "jsm_user"]
  missing_variables  = setsubtract(local.required_variables, data.almsync_jitterbit_project.this.variables)
}

resource "almsync_jitterbit_project_variable" "jsm_url" {
  environment_id = var.environment_id
  project_guid   = var.project_guid
  name           = "jsm_url"
  value          = var.jsm_url

  lifecycle {
    precondition {
      condition     = length(local.missing_variables) == 0
      error_message = "Project ${data.almsync_jitterbit_project.this.name} lacks the project variables ${join(", ", local.missing_variables)} in environment ${var.environment_id}: add them in Integration Studio and deploy the project."
    }
  }
}

resource "almsync_jitterbit_project_variable" "jsm_user" {
  environment_id = var.environment_id
  project_guid   = var.project_guid
  name           = "jsm_user"
  value          = var.jsm_user
}

# Hidden in Harmony (Jitterbit's "sensitive" flag) and write-only here.
resource "almsync_jitterbit_project_variable" "jsm_api_token" {
  environment_id   = var.environment_id
  project_guid     = var.project_guid
  name             = "jsm_api_token"
  value_wo         = var.jsm_api_token
  value_wo_version = var.jsm_api_token_version
  hide_value       = true
}

output "project_name" {
  value = data.almsync_jitterbit_project.this.name
}
