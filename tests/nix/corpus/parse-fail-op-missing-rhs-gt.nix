a: a >
