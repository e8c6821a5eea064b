a: <= a
