a: b: -a |> b
