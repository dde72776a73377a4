# -V is --version, as most programs have it.
scalex -V
[ "$(scalex -V)" = "$(scalex --version)" ] && echo "-V and --version agree"
