# The data family in both forms: text columns, an empty filter's
# statistics (text inf/-inf/nan, JSON none), then rename, derive, drop.
cat > s.sx <<'SX'
load - as runs <<END
params,tokens,loss,label
1e8,2e9,3.1,"a b"
4e8,8e9,2.8,"q""x"
1.234567891e9,3e10,2.123456789,z
END
data show runs --rows 2
data describe runs
rename runs label tag
derive runs tpp = tokens/params
filter runs "params > 1e20" as none
data describe none
data show none
data drop none
data list
SX
scalex s.sx
scalex --json s.sx
