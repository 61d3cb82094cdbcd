# gen-xlat.awk: turn syscallent/xlat/*.in into C tables (struct xlat).
#
#   awk -v out=decls -f gen-xlat.awk syscallent/xlat/*.in > src/gen/xlat_decls.h
#   awk -v out=data  -f gen-xlat.awk syscallent/xlat/*.in > src/gen/xlat_data.c
#
# The table name is the file's basename without ".in".  The .in format is
# described in syscallent/xlat/README.  Only POSIX awk is used (mawk works).
# Nothing is printed until every file has been read; on any error the
# script prints "gen-xlat.awk: FILE:LINE: message" on stderr and exits 1
# without output.

function fail(msg, line) {
	if (line == "")
		line = FNR
	printf "gen-xlat.awk: %s:%s: %s\n", FILENAME, line, msg > "/dev/stderr"
	failed = 1
	exit 1
}

function fail_at(file, line, msg) {
	printf "gen-xlat.awk: %s:%s: %s\n", file, line, msg > "/dev/stderr"
	failed = 1
	exit 1
}

function is_ident(s) {
	return s ~ /^[A-Za-z_][A-Za-z0-9_]*$/
}

# A C integer literal without suffix, optionally negative.
function is_number(s) {
	return s ~ /^-?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/
}

# The numeric value of a literal accepted by is_number(), as an awk
# number (exact up to 2^53, which is all the duplicate check needs).
function num(s,    neg, base, i, c, v, d) {
	neg = 0
	if (substr(s, 1, 1) == "-") {
		neg = 1
		s = substr(s, 2)
	}
	if (s ~ /^0[xX]/) {
		base = 16
		s = substr(s, 3)
	} else if (s ~ /^0/) {
		base = 8
	} else {
		base = 10
	}
	v = 0
	for (i = 1; i <= length(s); i++) {
		c = tolower(substr(s, i, 1))
		d = index("0123456789abcdef", c) - 1
		v = v * base + d
	}
	return neg ? -v : v
}

# Key used to find duplicate values in one table.
function valkey(s,    v) {
	v = num(s)
	if (v > 9007199254740992 || v < -9007199254740992)
		return "big:" tolower(s)
	return sprintf("%.0f", v)
}

function start_file(    base) {
	base = FILENAME
	sub(/.*\//, "", base)
	if (base !~ /\.in$/)
		fail("file name does not end in .in", 1)
	sub(/\.in$/, "", base)
	if (!is_ident(base))
		fail("\"" base "\" is not a valid table name", 1)
	if (base in tab_index)
		fail("table " base " is defined twice (also in " \
		    tab_file[tab_index[base]] ")", 1)
	ntab++
	tab_name[ntab] = base
	tab_index[base] = ntab
	tab_file[ntab] = FILENAME
	tab_kind[ntab] = ""
	tab_fmt[ntab] = ""
	tab_unknown[ntab] = ""
	tab_fmask[ntab] = ""
	tab_field[ntab] = ""
	tab_apart[ntab] = 0
	tab_n[ntab] = 0
	seen_file[FILENAME] = 1
}

# Checks that need the whole file.
function end_file(t,    f) {
	f = tab_file[t]
	if (tab_kind[t] == "")
		fail_at(f, 1, "missing #kind directive")
	if (tab_n[t] == 0)
		fail_at(f, 1, "table has no entries")
	if (tab_field[t] != "" && tab_kind[t] != "flags")
		fail_at(f, tab_field_line[t], "#field is only for flags tables")
	if (tab_fmt[t] == "")
		tab_fmt[t] = "hex"
}

# Directive lines: "#word args".
function directive(    word, arg, n, a) {
	word = $0
	sub(/^#/, "", word)
	sub(/[ \t].*$/, "", word)
	arg = $0
	sub(/^#[^ \t]*[ \t]*/, "", arg)
	sub(/[ \t]+$/, "", arg)
	n = split(arg, a, /[ \t]+/)
	if (word == "kind") {
		if (tab_kind[ntab] != "")
			fail("#kind given twice")
		if (n != 1 || (a[1] != "flags" && a[1] != "enum"))
			fail("#kind must be \"flags\" or \"enum\"")
		tab_kind[ntab] = a[1]
	} else if (word == "fmt") {
		if (tab_fmt[ntab] != "")
			fail("#fmt given twice")
		if (n != 1 || (a[1] != "hex" && a[1] != "dec" && a[1] != "oct"))
			fail("#fmt must be \"hex\", \"dec\" or \"oct\"")
		tab_fmt[ntab] = a[1]
	} else if (word == "unknown") {
		if (tab_unknown[ntab] != "")
			fail("#unknown given twice")
		if (n != 1 || arg ~ /["\\]/ || arg ~ /\*\//)
			fail("#unknown takes one word without quotes, " \
			    "backslashes or \"*/\"")
		tab_unknown[ntab] = arg
	} else if (word == "field") {
		if (tab_field[ntab] != "")
			fail("#field given twice")
		if ((n != 2 && (n != 3 || a[3] != "apart")) || !is_number(a[1]) ||
		    a[1] ~ /^-/ || !is_ident(a[2]))
			fail("usage: #field MASK TABLE [apart]")
		if (num(a[1]) == 0)
			fail("#field mask must not be 0")
		tab_fmask[ntab] = a[1]
		tab_field[ntab] = a[2]
		tab_apart[ntab] = (n == 3)
		tab_field_line[ntab] = FNR
	} else if (word == "include") {
		if (n != 1 || (arg !~ /^<[^<>" \t]+>$/ && arg !~ /^"[^<>" \t]+"$/))
			fail("usage: #include <header.h> or #include \"header.h\"")
		if (!(arg in inc_seen)) {
			inc_seen[arg] = 1
			ninc++
			inc[ninc] = arg
		}
	} else {
		fail("unknown directive \"#" word "\"")
	}
}

# Entry lines: NAME [VALUE] [nocheck] ["printed text"] [# comment]
function entry(    line, text, q, n, a, name, val, chk, t, k, key) {
	line = $0
	text = ""
	q = index(line, "\"")
	if (q > 0) {
		text = substr(line, q)
		line = substr(line, 1, q - 1)
		if (text !~ /^"[^"\\]+"[ \t]*(#.*)?$/)
			fail("malformed printed text (one \"...\" without " \
			    "quotes or backslashes inside)")
		sub(/"[ \t]*(#.*)?$/, "", text)
		text = substr(text, 2)
		if (line !~ /[ \t]$/)
			fail("malformed line")
	} else {
		sub(/[ \t]#.*$/, "", line)
	}
	sub(/[ \t]+$/, "", line)
	n = split(line, a, /[ \t]+/)
	if (n < 1 || n > 3)
		fail("malformed line (expected NAME [VALUE] [nocheck])")
	name = a[1]
	val = ""
	chk = 1
	if (!is_ident(name))
		fail("malformed line: \"" name "\" is not a C identifier")
	if (n >= 2) {
		if (!is_number(a[2]))
			fail("malformed value \"" a[2] "\" for " name)
		val = a[2]
	}
	if (n == 3) {
		if (a[3] != "nocheck")
			fail("unexpected \"" a[3] "\" after the value of " name)
		chk = 0
	}
	t = ntab
	if ((t, name) in ent_seen)
		fail("duplicate name " name " (first on line " \
		    ent_seen[t, name] ")")
	ent_seen[t, name] = FNR
	if (val != "") {
		key = valkey(val)
		if ((t, key) in ent_vname)
			fail("duplicate value " val " of " name " (same as " \
			    ent_vname[t, key] ")")
		ent_vname[t, key] = name
	}
	k = ++tab_n[t]
	ent_name[t, k] = name
	ent_val[t, k] = val
	ent_chk[t, k] = chk
	ent_text[t, k] = (text != "") ? text : name
}

BEGIN {
	if (out != "decls" && out != "data") {
		printf "gen-xlat.awk: usage: awk -v out=decls|data " \
		    "-f gen-xlat.awk FILE.in...\n" > "/dev/stderr"
		failed = 1
		exit 1
	}
	ntab = 0
	ninc = 0
}

FNR == 1 {
	if (ntab > 0)
		end_file(ntab)
	start_file()
}

{
	sub(/\r$/, "")
	sub(/^[ \t]+/, "")
	sub(/[ \t]+$/, "")
}

$0 == "" { next }
/^#$/ || /^#[ \t]/ { next }
/^#/ { directive(); next }
{ entry() }

function c_value(v) {
	if (v ~ /^-/)
		return "(uint64_t)(" v ")"
	return v
}

function emit_decls(    t) {
	print "/* Generated by syscallent/gen-xlat.awk from syscallent/xlat/NAME.in: do not edit. */"
	print "#ifndef SCTRACE_GEN_XLAT_DECLS_H"
	print "#define SCTRACE_GEN_XLAT_DECLS_H"
	print ""
	for (t = 1; t <= ntab; t++)
		print "extern const struct xlat xlat_" tab_name[t] ";"
	print ""
	print "/* X(name) for every table xlat_name, in file name order. */"
	print "#define XLAT_TABLES(X) \\"
	for (t = 1; t <= ntab; t++)
		print "\tX(" tab_name[t] ")" (t < ntab ? " \\" : "")
	print ""
	print "#endif"
}

function emit_data(    i, t, k, name, val, unk, fld) {
	print "/* Generated by syscallent/gen-xlat.awk from syscallent/xlat/NAME.in: do not edit. */"
	print "#include \"xlat.h\""
	print ""
	for (i = 1; i <= ninc; i++)
		print "#include " inc[i]
	for (t = 1; t <= ntab; t++) {
		print ""
		print "/* " tab_file[t] " */"
		for (k = 1; k <= tab_n[t]; k++) {
			name = ent_name[t, k]
			val = ent_val[t, k]
			if (val == "" || !ent_chk[t, k])
				continue
			print "#ifdef " name
			print "_Static_assert((uint64_t)(" name ") == (uint64_t)(" \
			    val "), \"" name "\");"
			print "#endif"
		}
		print "static const struct xlat_data xlat_" tab_name[t] "_data[] = {"
		for (k = 1; k <= tab_n[t]; k++) {
			name = ent_name[t, k]
			val = ent_val[t, k]
			if (val == "")
				val = "(uint64_t)(" name ")"
			else
				val = c_value(val)
			print "\t{ " val ", \"" ent_text[t, k] "\" },"
		}
		print "};"
		unk = (tab_unknown[t] != "") ? "\"" tab_unknown[t] "\"" : "NULL"
		fld = (tab_field[t] != "") ? "&xlat_" tab_field[t] : "NULL"
		print "const struct xlat xlat_" tab_name[t] " = {"
		print "\t.data = xlat_" tab_name[t] "_data,"
		print "\t.size = " tab_n[t] ","
		print "\t.kind = " (tab_kind[t] == "flags" ? "XLAT_FLAGS" : "XLAT_ENUM") ","
		print "\t.fmt = " (tab_fmt[t] == "dec" ? "XFMT_DEC" : \
		    tab_fmt[t] == "oct" ? "XFMT_OCT" : "XFMT_HEX") ","
		print "\t.unknown = " unk ","
		print "\t.field_mask = " (tab_fmask[t] != "" ? tab_fmask[t] : "0") ","
		print "\t.field = " fld ","
		print "\t.field_apart = " tab_apart[t] ","
		print "};"
	}
}

END {
	if (failed)
		exit 1
	if (ntab > 0)
		end_file(ntab)
	# Files awk never read a line from (empty files) have no table.
	for (i = 1; i < ARGC; i++) {
		if (ARGV[i] == "" || ARGV[i] ~ /^[A-Za-z_][A-Za-z0-9_]*=/)
			continue
		if (!(ARGV[i] in seen_file))
			fail_at(ARGV[i], 1, "empty file")
	}
	if (ntab == 0) {
		printf "gen-xlat.awk: no input files\n" > "/dev/stderr"
		exit 1
	}
	for (t = 1; t <= ntab; t++) {
		if (tab_field[t] == "")
			continue
		if (!(tab_field[t] in tab_index))
			fail_at(tab_file[t], tab_field_line[t], \
			    "#field names table " tab_field[t] \
			    ", which does not exist")
		if (tab_kind[tab_index[tab_field[t]]] != "enum")
			fail_at(tab_file[t], tab_field_line[t], \
			    "#field table " tab_field[t] " is not an enum")
	}
	if (out == "decls")
		emit_decls()
	else
		emit_data()
}
