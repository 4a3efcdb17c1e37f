# By the sync's id and the mapped aqua field:
terraform import almsync_aqua_field_mapping.jira_key "3/item_type=Defect/aqua_field=JiraKey"

# By <sync_id>/<mapping_id>:
terraform import almsync_aqua_field_mapping.jira_key 3/12
