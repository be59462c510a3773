// Timestamp parts and arithmetic on 2024-02-29 13:05:09 UTC.
var $t { value = 1709211909000 }
debug.log { value = [$t|timestamp_year, $t|timestamp_month, $t|timestamp_day_of_month] } // expect: [2024,2,29]
debug.log { value = [$t|timestamp_hour, $t|timestamp_minute, $t|timestamp_hour:"Asia/Tokyo"] } // expect: [13,5,22]
debug.log { value = [$t|timestamp_day_of_week, $t|timestamp_day_of_year, $t|timestamp_week] } // expect: [4,60,9]
debug.log { value = [$t|timestamp_epoch_seconds, $t|timestamp_epoch_minute, $t|timestamp_epoch_hour, $t|timestamp_epoch_day] }
// expect: [1709211909,28486865,474781,19782]
debug.log { value = $t|timestamp_epoch_ms } // expect: 1709211909000
debug.log { value = [$t|timestamp_add_seconds:1, $t|timestamp_subtract_seconds:1] } // expect: [1709211910000,1709211908000]
debug.log { value = [$t|timestamp_add_minutes:1, $t|timestamp_subtract_minutes:1] } // expect: [1709211969000,1709211849000]
debug.log { value = [$t|timestamp_add_hours:2, $t|timestamp_subtract_hours:2] } // expect: [1709219109000,1709204709000]
debug.log { value = [$t|timestamp_add_days:1, $t|timestamp_subtract_days:7] } // expect: [1709298309000,1708607109000]
debug.log { value = [$t|timestamp_add_months:1, $t|timestamp_subtract_months:1] } // expect: [1711717509000,1706533509000]
debug.log { value = [$t|timestamp_add_years:1, $t|timestamp_subtract_years:1] } // expect: [1740747909000,1677589509000]
