a: <| a
