a: * a
