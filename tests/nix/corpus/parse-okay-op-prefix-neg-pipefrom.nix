a: b: -a <| b
