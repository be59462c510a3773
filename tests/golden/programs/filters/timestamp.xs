// Timestamp filters on 2024-02-29 13:05:09 UTC (a Thursday in a leap year).
var $t { value = 1709211909000 }
debug.log { value = $t|format_timestamp:"Y-m-d H:i:s" } // expect: 2024-02-29 13:05:09
debug.log { value = $t|format_timestamp:"D, d M Y H:i":"Asia/Tokyo" } // expect: Thu, 29 Feb 2024 22:05
debug.log { value = "2024-02-29 13:05:09"|parse_timestamp:"Y-m-d H:i:s" } // expect: 1709211909000
debug.log { value = "2024-02-29T13:05:09Z"|to_timestamp } // expect: 1709211909000
debug.log { value = "2024-02-29T13:05:09Z"|to_ms } // expect: 1709211909000
debug.log { value = "2024-02-29T13:05:09Z"|to_seconds } // expect: 1709211909
debug.log { value = "2024-02-29T13:05:09Z"|to_minutes } // expect: 28486865
debug.log { value = "2024-02-29T13:05:09Z"|to_hours } // expect: 474781
debug.log { value = "2024-02-29T13:05:09Z"|to_days } // expect: 19782
debug.log { value = $t|add_secs_to_timestamp:-9 } // expect: 1709211900000
debug.log { value = $t|add_ms_to_timestamp:1 } // expect: 1709211909001
debug.log { value = $t|transform_timestamp:"-7 days" } // expect: 1708607109000
debug.log { value = ("now"|to_timestamp) >= $t } // expect: true
