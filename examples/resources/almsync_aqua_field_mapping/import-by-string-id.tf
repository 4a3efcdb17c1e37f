# By the sync's id and the mapped aqua field (compared without regard to
# case), or by <sync_id>/<mapping_id>: id = "1/12".
import {
  to = almsync_aqua_field_mapping.jira_key
  id = "1/item_type=Defect/aqua_field=JiraKey"
}
