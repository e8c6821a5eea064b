a: a |>
