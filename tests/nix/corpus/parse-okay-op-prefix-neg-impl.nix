a: b: -a -> b
