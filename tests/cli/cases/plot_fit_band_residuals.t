# A one-column law: the curve across the axis, its 95% band, residuals.
scalex -c 'demo henighan-image16 as h; fit plc h as f; plot f --band --residuals --size 80x24' | tail -n 24
scalex -c 'demo henighan-image16 as h; fit plc h as f; plot f --band --size 120x40 --ascii' | tail -n 40
