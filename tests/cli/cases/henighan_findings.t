# Henighan et al. 2020 beyond Table 1: the quoted InfoGain numbers come out
# of the command; ImageNet fine-tuned against from scratch; mathematics;
# their figures in the terminal; the demos, fitted back to their laws, and
# a session of them replaying byte for byte.
scalex -c 'henighan infogain'
scalex -c 'henighan infogain --N 1e10 --fraction 0.5'
scalex --json -c 'henighan infogain --N 1e9'
scalex -c 'henighan imagenet'
scalex -c 'henighan math --N 1e9'
scalex -c 'preset show henighan2020-infogain'
scalex -c 'henighan infogain --plot --size 72x18 --ascii'
scalex -c 'henighan imagenet --plot --size 72x20 --ascii'
scalex -c 'henighan math --plot --size 72x16 --ascii --range 1e5..1e10'
cat > hen.sx <<'SX'
demo henighan-infogain --seed 4
fit pl henighan_infogain as ig --y infogain --x N
demo henighan-imagenet --seed 4
fit pl henighan_imagenet as ft --y Lft --x N
SX
views='fit show ig; fit show ft; data show henighan_imagenet --rows 12'
scalex hen.sx > first.out
scalex -c "source hen.sx; $views" > first.views
scalex -c 'source hen.sx; save s.sx' > /dev/null
scalex --replay s.sx > second.out
cmp first.out second.out && echo "replay identical"
scalex -c "replay s.sx; $views" > second.views
cmp first.views second.views && echo "views after replay identical"
cat first.views
