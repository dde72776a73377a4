scalex --bogus
