// Math functions (results rounded where they are irrational).
debug.log { value = [16|sqrt, 3|pow:4, 2|pow:-1, 1000|log10, 32|log:2] } // expect: [4.0,81,0.5,3.0,5.0]
debug.log { value = [0|exp, 1|ln, (2|ln)|round:4] } // expect: [1.0,0.0,0.6931]
debug.log { value = [0|sin, 0|cos, 0|tan, 0|sinh, 0|cosh, 0|tanh] } // expect: [0.0,1.0,0.0,0.0,1.0,0.0]
debug.log { value = [(1|asin)|round:4, 1|acos, (1|atan)|round:4] } // expect: [1.5708,0.0,0.7854]
debug.log { value = [(2|asinh)|round:4, 1|acosh, (0.5|atanh)|round:4] } // expect: [1.4436,0.0,0.5493]
debug.log { value = [(90|deg2rad)|round:4, (1|rad2deg)|round:2] } // expect: [1.5708,57.3]
debug.log { value = [6|decbin, 255|dechex, 64|decoct] } // expect: ["110","ff","100"]
debug.log { value = ["110"|bindec, "1F"|hexdec, "17"|octdec] } // expect: [6,31,15]
debug.log { value = "z"|base_convert:36:10 } // expect: 35
