# The next three runs of a schedule, to check it before it goes live:
# ["2026-01-30T10:15:00Z", "2026-02-27T10:15:00Z", "2026-03-27T10:15:00Z"]
output "next_runs" {
  value = provider::almsync::cron_next("0 15 10 ? * 6L", "2026-01-01T00:00:00Z", 3)
}

variable "sync_schedule" {
  description = "Quartz cron string of the JIRA Connector's schedule."
  type        = string
  default     = "0 0 7 ? * MON-FRI"
}

# Assert a property of a schedule in a check block: it fires on weekdays only.
check "weekday_schedule" {
  assert {
    condition = alltrue([
      for t in provider::almsync::cron_next(var.sync_schedule, "2026-01-01T00:00:00Z", 10) :
      !contains(["Saturday", "Sunday"], formatdate("EEEE", t))
    ])
    error_message = "The sync schedule must not run at weekends."
  }
}
