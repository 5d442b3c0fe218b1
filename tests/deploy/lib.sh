# Shared by the deploy tests (sourced): named checks counted into a closing "N passed, N failed" line.
passed=0
failed=0
check() { # description command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "  ok: $what"
  else
    failed=$((failed + 1))
    echo "  FAILED: $what" >&2
  fi
}
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
# Waits for "listening on http://HOST:PORT" in a file; prints PORT.
wait_port() { # file seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    if grep -qo 'listening on http://[^ ]*:[0-9]*' "$1" 2>/dev/null; then
      grep -o 'listening on http://[^ ]*' "$1" | head -1 | sed 's/.*://'
      return 0
    fi
    sleep 0.1
  done
  return 1
}
