# "Every 5 minutes, between 14:00 and 14:55, every day"
output "schedule_meaning" {
  value = provider::almsync::cron_describe("0 0/5 14 * * ?")
}
