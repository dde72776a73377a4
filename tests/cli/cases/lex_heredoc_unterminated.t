printf 'demo chinchilla\nload - as x <<END\nN,L\n1,2\n' > s.sx
scalex s.sx
