scalex --help
