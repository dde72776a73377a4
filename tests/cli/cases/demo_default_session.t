scalex
