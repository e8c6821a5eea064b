a: / a
