# The JSM connections of one Integration Studio project; the environment
# defaults to the provider's jitterbit.environment_id.
list "almsync_jitterbit_jsm_connection" "jsm_integration" {
  provider         = almsync
  include_resource = true
  config {
    environment_id = "201"
    project_guid   = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  }
}
