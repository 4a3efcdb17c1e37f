# The project variables named jsm_* of one project. Their values are not
# read: set value or value_wo in the generated configuration.
list "almsync_jitterbit_project_variable" "jsm" {
  provider = almsync
  config {
    project_guid = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
    name_prefix  = "jsm_"
  }
}
