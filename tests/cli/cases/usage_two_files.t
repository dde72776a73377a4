scalex a.sx b.sx
