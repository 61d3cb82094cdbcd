# Sourced by every tests/*.test.  Exit 0 pass, 1 fail, 77 skip (with why).
set -u

: "${top_builddir:=..}"
: "${top_srcdir:=..}"
SCTRACE=${SCTRACE:-$top_builddir/src/sctrace}
PROGS=$top_builddir/tests/progs
ME=$(basename "$0" .test)

fail() { echo "FAIL: $ME: $*" >&2; exit 1; }
skip() { echo "SKIP: $ME: $*" >&2; exit 77; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sctrace-$ME.XXXXXX") || fail "mktemp"
trap 'rm -rf "$TMP"' EXIT

# The result column is padded to 40; tests compare with one space.
collapse() { sed -E 's/\) +(= .*)$/) \1/'; }

# The lines a tests/progs program traced between its two markers.
between_markers() {
	awk '/^chdir\("\/sctrace-marker-begin"\)/ { on = 1; next }
	     /^chdir\("\/sctrace-marker-end"\)/ { on = 0 }
	     on'
}

# Addresses, pids and random bytes differ between runs; nothing else may.
normalize() {
	sed -E \
	    -e 's/0x[0-9a-f]{6,}/0xADDR/g' \
	    -e 's/((set_tid_address\(.*|get(p|pp|t)id\()\) += )[0-9]+( <[^>]*>)?$/\1PID\4/' \
	    -e 's/(getrandom\()"[^"]*"/\1"RANDOM"/' \
	    -e 's/\b(kill|tgkill|tkill)\([0-9]+,/\1(PID,/' \
	    -e 's/(si_pid=)[0-9]+/\1PID/g'
}

# diff, showing at most 40 lines, and fail with the given message.
expect_same() {
	if ! diff -u "$1" "$2" > "$TMP/diff"; then
		head -n 40 "$TMP/diff" >&2
		fail "$3"
	fi
}

# Runs "$@", asserting its exit status.
expect_status() {
	want=$1
	shift
	"$@"
	got=$?
	[ "$got" = "$want" ] || fail "'$*' exited $got, expected $want"
}

[ -x "$SCTRACE" ] || fail "no sctrace binary at $SCTRACE"

# Traces tests/progs/NAME [ARGS] and compares the lines between its
# markers with what it printed.  Also checks the PTRACE_GETREGS fallback,
# and, where strace is installed, that strace agrees with the expectations.
check_prog() {
	name=$1
	shift
	for fetch in auto getregs; do
		SCTRACE_FETCH=$fetch "$SCTRACE" -o "$TMP/trace.$fetch" \
			"$PROGS/$name" "$@" > "$TMP/want.$fetch" ||
			fail "$name ($fetch): sctrace or the program failed"
		between_markers < "$TMP/trace.$fetch" | collapse > "$TMP/got.$fetch"
		[ -s "$TMP/want.$fetch" ] || fail "$name: expected nothing?"
		expect_same "$TMP/want.$fetch" "$TMP/got.$fetch" \
			"$name: trace differs from expectation ($fetch)"
	done
	# The same decoders through --json, rendered back to text by sctrace
	# render: the same lines.
	"$SCTRACE" --json -o "$TMP/trace.json" "$PROGS/$name" "$@" \
		> "$TMP/want.json" || fail "$name (json): sctrace or the program failed"
	"$SCTRACE" render "$TMP/trace.json" > "$TMP/trace.rendered" ||
		fail "$name: sctrace render failed"
	between_markers < "$TMP/trace.rendered" | collapse > "$TMP/got.json"
	expect_same "$TMP/want.json" "$TMP/got.json" \
		"$name: --json rendered back differs from the expectation"
	if [ -n "${STRACE:-}" ] && [ -x "$STRACE" ]; then
		"$STRACE" -o "$TMP/trace.strace" "$PROGS/$name" "$@" \
			> "$TMP/want.strace" || fail "$name: strace run failed"
		between_markers < "$TMP/trace.strace" | collapse > "$TMP/got.strace"
		expect_same "$TMP/want.strace" "$TMP/got.strace" \
			"$name: strace disagrees with the test's expectation"
	fi
}
