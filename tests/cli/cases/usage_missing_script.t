scalex nosuch.sx
