scalex -c "models; model show chinchilla; model define mine 'E + A*N^-a + B*D^-b'; model show mine; models"
scalex -c "model define chinchilla 'E + A*N^-a'"
scalex -c "model define bad 'E + A*N^'"
scalex -c "model show nosuch"
