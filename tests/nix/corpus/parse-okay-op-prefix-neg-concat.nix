a: b: -a ++ b
