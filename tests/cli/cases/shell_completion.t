# --completion SHELL prints a script made from the options table; an
# unknown shell is bad usage.
scalex --completion bash | bash -n && echo "bash script parses"
scalex --completion bash | grep -c -e '--replay)'
scalex --completion zsh | head -n 1
scalex --completion fish
echo "rc=$?"
scalex --completion
echo "rc=$?"
