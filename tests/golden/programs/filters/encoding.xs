// Encodings, digests and signatures.
debug.log { value = "notebook?>"|base64_encode } // expect: bm90ZWJvb2s/Pg==
debug.log { value = "notebook?>"|base64_encode_urlsafe } // expect: bm90ZWJvb2s_Pg
debug.log { value = ["bm90ZWJvb2s/Pg=="|base64_decode, "bm90ZWJvb2s_Pg"|base64_decode_urlsafe] } // expect: ["notebook?>","notebook?>"]
debug.log { value = ["Hi"|bin2hex, "4869"|hex2bin] } // expect: ["4869","Hi"]
debug.log { value = ["xs"|md5, "xs"|sha1] } // expect: ["44d610b3325b4aa08f32d925bc693149","f96014270447e18392773cf2e54e0086739792c6"]
debug.log { value = "xs"|sha256 } // expect: a159eaf43ba28f0de1e182d76fa2fe9a89fd1023fec920b80e5ba10824dcaf9d
debug.log { value = ["xs"|sha384|strlen, "xs"|sha512|substr:0:16] } // expect: [96,"2faa33e524a17559"]
debug.log { value = ["xs"|hmac_md5:"k", "xs"|hmac_sha1:"k"] } // expect: ["7c613d7595350ccf1b6ec19bbbcfd96c","1ad67ad963eef3443d998cb4e15d5a64c2bcfcbf"]
debug.log { value = "xs"|hmac_sha256:"k" } // expect: 1a503a2c630b997f0afb12907fae1fc5e302cf4e66bf617b1edca3e6d2afa97b
debug.log { value = ["xs"|hmac_sha384:"k"|substr:0:8, "xs"|hmac_sha512:"k"|substr:0:8] } // expect: ["c638d1b7","46bbf7cb"]
debug.log { value = [(|uuid)|is_uuid, (|create_uid) > 0] } // expect: [true,true]
debug.log { value = ["plain"|detect_encoding, "café"|detect_encoding] } // expect: ["ASCII","UTF-8"]
debug.log { value = "café"|from_utf8|to_utf8 } // expect: café
debug.log { value = "é"|convert_encoding:"ISO-8859-1":"UTF-8"|bin2hex } // expect: e9
debug.log { value = (|list_encodings)|in:"UTF-8" } // expect: true
