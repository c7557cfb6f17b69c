# Shared by the CLI test scripts (sourced): scratch files and folder, removed on exit, a failure count, expect(), and
# finish(), which reports and sets the exit status.

failures=0
out=$(mktemp) err=$(mktemp) work=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$work"' EXIT

# expect CODE STDERR_LINES PATTERN -- ARGS...: exit code, number of stderr lines (- for any), and a pattern that
# stdout+stderr must match.
expect() {
  local code=$1 lines=$2 pattern=$3; shift 4
  "$@" >"$out" 2>"$err"
  local rc=$? n
  n=$(wc -l <"$err")
  if [ "$rc" -ne "$code" ] || { [ "$lines" != - ] && [ "$n" -ne "$lines" ]; } || ! cat "$out" "$err" | grep -qE -- "$pattern"; then
    echo "FAIL: $* -> exit $rc (want $code), $n stderr lines (want $lines), pattern '$pattern'"
    sed 's/^/  stdout: /' "$out" | head -20; sed 's/^/  stderr: /' "$err" | head -5
    failures=$((failures + 1))
  else
    echo "ok: $*"
  fi
}

# finish NAME: exits 1 naming how many checks failed, or says all passed.
finish() {
  [ "$failures" -eq 0 ] || { echo "$failures $1 checks failed"; exit 1; }
  echo "all $1 checks passed"
}
