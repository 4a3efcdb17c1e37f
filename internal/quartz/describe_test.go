package quartz

import "testing"

func TestDescribe(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"0 0 12 * * ?", "At 12:00, every day"},
		{"0 0/5 14 * * ?", "Every 5 minutes, between 14:00 and 14:55, every day"},
		{"0 15 10 ? * 6L", "At 10:15, on the last Friday of the month"},
		{"0 15 10 ? * 6#3", "At 10:15, on the third Friday of the month"},
		{"0 15 10 ? * MON#1", "At 10:15, on the first Monday of the month"},
		{"30 15 10 * * ?", "At 10:15:30, every day"},
		{"0 0 8-18 ? * MON-FRI", "Every hour from 08:00 to 18:00, Monday through Friday"},
		{"0 0 */2 * * ?", "Every 2 hours from 00:00 to 22:00, every day"},
		{"0 0 22-2 * * ?", "Every hour from 22:00 to 02:00, every day"},
		{"0 15 * * * ?", "At 15 minutes past the hour, every day"},
		{"0 0 * * * ?", "Every hour, every day"},
		{"0 0 9,12,17 * * ?", "At 09:00, 12:00 and 17:00, every day"},
		{"* * * * * ?", "Every second, every day"},
		{"*/10 * * * * ?", "Every 10 seconds, every day"},
		{"0 * * * * ?", "Every minute, every day"},
		{"0 */5 * * * ?", "Every 5 minutes, every day"},
		{"0 10-30/5 * * * ?", "Every 5 minutes, from minute 10 through 30 past the hour, every day"},
		{"0 0,15,45 * * * ?", "At minutes 0, 15 and 45 past the hour, every day"},
		{"0/30 * 8-17 ? * MON-FRI", "Every 30 seconds, between 08:00 and 17:59, Monday through Friday"},
		{"*/10 5 14 * * ?", "Every 10 seconds, between 14:05:00 and 14:05:50, every day"},
		{"0 0 12 L * ?", "At 12:00, on the last day of the month"},
		{"0 0 12 L-2 * ?", "At 12:00, 2 days before the last day of the month"},
		{"0 0 12 LW * ?", "At 12:00, on the last weekday of the month"},
		{"0 0 12 L-3W * ?", "At 12:00, on the weekday nearest to 3 days before the last day of the month"},
		{"0 0 12 15W * ?", "At 12:00, on the weekday nearest to the 15th of the month"},
		{"0 0 12 1,15 * ?", "At 12:00, on the 1st and 15th of the month"},
		{"0 0 12 1-10 * ?", "At 12:00, from the 1st to the 10th of the month"},
		{"0 0 12 ? * MON,WED,FRI", "At 12:00, on Monday, Wednesday and Friday"},
		{"0 0 0 ? * FRI-MON", "At 00:00, Friday through Monday"},
		{"0 0 12 * JAN ?", "At 12:00, every day, only in January"},
		{"0 0 12 * JAN-MAR ?", "At 12:00, every day, January through March"},
		{"0 0 0 ? NOV-FEB *", "At 00:00, every day, November through February"},
		{"0 0 12 1 1,4,7,10 ?", "At 12:00, on the 1st of the month, every 3 months, starting in January"},
		{"0 0 12 * * ? 2027", "At 12:00, every day, only in 2027"},
		{"0 0 12 * * ? 2027-2030", "At 12:00, every day, from 2027 through 2030"},
		{"0 0 12 * * ? 2027,2029", "At 12:00, every day, in 2027 and 2029"},
		{"L 0 12 * * ?", "Never fires: a time field has no usable value"},
		{"0 0 12 31 2 ?", "Never fires: at 12:00, on the 31st of the month, only in February"},
		{"0 0 12 1 1 ? 2020", "Never fires: at 12:00, on the 1st of the month, only in January, only in 2020"},
		{"0 0 0 30 2 ? 2027", "Never fires: at 00:00, on the 30th of the month, only in February, only in 2027"},
		// Names and numbers describe the same way.
		{"0 0 12 ? * 2-6", "At 12:00, Monday through Friday"},
	}
	for _, tc := range tests {
		got, err := Describe(tc.expr)
		if err != nil {
			t.Errorf("Describe(%q): %v", tc.expr, err)
			continue
		}
		if got != tc.want {
			t.Errorf("Describe(%q) =\n  %q\nwant\n  %q", tc.expr, got, tc.want)
		}
	}
	if _, err := Describe("0 0 * * * *"); err == nil {
		t.Error("Describe accepted an invalid expression")
	}
}
