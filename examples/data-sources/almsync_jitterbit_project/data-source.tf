# An Integration Studio project in the provider's default environment
# (jitterbit.environment_id), or in the one given.
data "almsync_jitterbit_project" "jsm" {
  environment_id = "202"
  project_guid   = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
}

# Fail the plan early when production lacks a variable the connection uses.
check "production_defines_the_connection_variables" {
  assert {
    condition     = length(setsubtract(["jsm_url", "jsm_user", "jsm_api_token"], data.almsync_jitterbit_project.jsm.variables)) == 0
    error_message = "Project ${data.almsync_jitterbit_project.jsm.name} lacks a project variable in environment 202."
  }
}

output "project_environments" {
  value = [for e in data.almsync_jitterbit_project.jsm.environments : e.name]
}
