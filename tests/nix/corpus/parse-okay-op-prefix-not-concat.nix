a: b: !a ++ b
