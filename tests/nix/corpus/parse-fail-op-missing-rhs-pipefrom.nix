a: a <|
