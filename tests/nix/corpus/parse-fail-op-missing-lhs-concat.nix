a: ++ a
