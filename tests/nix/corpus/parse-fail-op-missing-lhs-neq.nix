a: != a
