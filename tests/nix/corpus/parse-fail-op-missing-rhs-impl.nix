a: a ->
