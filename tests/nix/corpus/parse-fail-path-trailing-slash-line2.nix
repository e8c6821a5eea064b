[
  ./foo/