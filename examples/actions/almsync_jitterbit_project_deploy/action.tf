# Deploy the project (Terraform 1.14 or later) each time Terraform creates
# or changes one of its project variables, so that the agents run with the
# new values. To deploy on demand:
# terraform apply -invoke=action.almsync_jitterbit_project_deploy.jsm
action "almsync_jitterbit_project_deploy" "jsm" {
  config {
    # environment_id defaults to the provider's jitterbit.environment_id.
    project_guid = var.project_guid
  }
}

resource "almsync_jitterbit_project_variable" "jsm_url" {
  project_guid = var.project_guid
  name         = "jsm_url"
  value        = "https://acme-dev.atlassian.net"

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.almsync_jitterbit_project_deploy.jsm]
    }
  }
}

variable "project_guid" {
  description = "GUID of the Integration Studio project, as the Harmony API shows it."
  type        = string
}
