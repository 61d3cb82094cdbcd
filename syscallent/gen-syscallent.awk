# gen-syscallent.awk: turn a syscall table (syscallent/x86_64.in or
# syscallent/i386.in) into C.
#
#   LC_ALL=C awk -f syscallent/gen-syscallent.awk syscallent/x86_64.in \
#       > src/gen/syscallent_x86_64.c
#   LC_ALL=C awk -v abi=i386 -f syscallent/gen-syscallent.awk \
#       syscallent/i386.in > src/gen/syscallent_i386.c
#
# -v abi=NAME (x86_64, the default, or i386) names the arrays sysent_NAME
# and nsysent_NAME and the source file syscallent/NAME.in in the header
# comment; any other value is an error.
#
# The input format is described in syscallent/README.  POSIX awk only: this
# runs under mawk, gawk and busybox awk.  Errors go to stderr as
# "gen-syscallent.awk: LINE: message" and make the exit status 1; nothing is
# written to stdout then, so a half-made table never reaches the compiler.
#
# Argument types are not checked here: "TYPE" becomes ARG_TYPE and the
# compiler rejects a type that src/argtype.def does not list.

BEGIN {
	prog = "gen-syscallent.awk"
	errors = 0

	if (abi == "")
		abi = "x86_64"
	if (abi != "x86_64" && abi != "i386") {
		print prog ": unknown abi '" abi "' (x86_64, i386)" | "cat 1>&2"
		close("cat 1>&2")
		badabi = 1
		exit 1
	}

	nentries = 0
	ndecoders = 0
	maxnr = 1023
	maxargs = 6

	nclasses = split("TD TF TI TN TP TS TM TST TLST TFST TSTA TSF TFSF TSFA PU TC TCL", cl, " ")
	for (i = 1; i <= nclasses; i++)
		isclass[cl[i]] = 1

	dirname["in"] = "DIR_IN"
	dirname["out"] = "DIR_OUT"
	dirname["inout"] = "DIR_INOUT"

	retname["dec"] = "RET_DEC"
	retname["hex"] = "RET_HEX"
	retname["oct"] = "RET_OCT"
	retname["fd"] = "RET_FD"
	retname["none"] = "RET_NONE"
	retname["pid"] = "RET_PID"

	# Types whose parameter names an xlat table.
	xlattype["flags"] = 1
	xlattype["enum"] = 1

	# Types whose parameter says where a length comes from.
	nlen = split("buf hexbuf sockaddr sigset iovec pollfd fdset cpuset mmsghdr", lt, " ")
	for (i = 1; i <= nlen; i++)
		lentype[lt[i]] = 1
}

function err(msg) {
	print prog ": " FNR ": " msg | "cat 1>&2"
	errors++
}

function is_ident(s) {
	return s ~ /^[A-Za-z_][A-Za-z0-9_]*$/
}

# Parse one ARG token into a[] (type, dir, len, xlat); 0 on error.
function parse_arg(tok, idx, a,    p, np, dir, type, param) {
	np = split(tok, p, ":")
	dir = "in"
	if (np == 1) {
		type = p[1]
		param = ""
	} else if (np == 2) {
		if (p[1] in dirname) {
			dir = p[1]
			type = p[2]
			param = ""
		} else {
			type = p[1]
			param = p[2]
			if (is_ident(type) && !(type in xlattype) && !(type in lentype)) {
				err("argument " idx + 1 " '" tok "': unknown direction '" p[1] "' (in, out, inout), or a parameter on a type that takes none")
				return 0
			}
		}
	} else if (np == 3) {
		if (!(p[1] in dirname)) {
			err("argument " idx + 1 " '" tok "': unknown direction '" p[1] "' (in, out, inout)")
			return 0
		}
		dir = p[1]
		type = p[2]
		param = p[3]
	} else {
		err("argument " idx + 1 " '" tok "': malformed, want [DIR:]TYPE[:PARAM]")
		return 0
	}

	if (!is_ident(type)) {
		err("argument " idx + 1 " '" tok "': bad type name '" type "'")
		return 0
	}

	a["type"] = "ARG_" type
	a["dir"] = dirname[dir]
	a["len"] = "LEN_NONE"
	a["xlat"] = "NULL"
	a["lenidx"] = -1

	if (type in xlattype) {
		if (param == "") {
			err("argument " idx + 1 " '" tok "': " type " needs a table name (" type ":NAME)")
			return 0
		}
		if (!is_ident(param)) {
			err("argument " idx + 1 " '" tok "': bad table name '" param "'")
			return 0
		}
		a["xlat"] = "&xlat_" param
	} else if (type in lentype) {
		if (param == "") {
			err("argument " idx + 1 " '" tok "': " type " needs a length source (" type ":0..5 or " type ":rval)")
			return 0
		}
		if (param == "rval") {
			a["len"] = "LEN_RVAL"
		} else if (param ~ /^[0-9]+$/ && param + 0 < maxargs) {
			if (param + 0 == idx) {
				err("argument " idx + 1 " '" tok "': length source is the argument itself")
				return 0
			}
			a["len"] = param + 0
			a["lenidx"] = param + 0
		} else {
			err("argument " idx + 1 " '" tok "': length source '" param "' out of range (0..5 or rval)")
			return 0
		}
	} else if (param != "" || tok ~ /:$/) {
		err("argument " idx + 1 " '" tok "': type " type " takes no parameter")
		return 0
	}
	return 1
}

{
	sub(/\r$/, "")
	sub(/#.*/, "")
	if ($0 ~ /^[ \t]*$/)
		next

	if (NF < 3) {
		err("malformed line, want: NR NAME CLASSES ARG... [ret:TYPE] [@DECODER]")
		next
	}

	nr = $1
	name = $2
	classes = $3

	if (nr !~ /^(0|[1-9][0-9]*)$/) {
		err("bad syscall number '" nr "'")
		next
	}
	nr = nr + 0
	if (nr > maxnr) {
		err("syscall number " nr " out of range 0.." maxnr)
		next
	}
	if (!is_ident(name)) {
		err("bad syscall name '" name "'")
		next
	}
	if (nr in byname_nr) {
		err("duplicate number " nr " (" name ", and " byname_nr[nr] " at line " nrline[nr] ")")
		next
	}
	if (name in nameline) {
		err("duplicate name " name " (also at line " nameline[name] ")")
		next
	}

	# Classes.
	if (classes == "-") {
		flags = "0"
	} else {
		ncl = split(classes, c, "|")
		flags = ""
		bad = 0
		for (i = 1; i <= ncl; i++) {
			if (!(c[i] in isclass)) {
				err("unknown class flag '" c[i] "' in '" classes "'")
				bad = 1
				break
			}
			if (index("|" flags "|", "|" c[i] "|")) {
				err("class flag '" c[i] "' given twice")
				bad = 1
				break
			}
			flags = flags (i > 1 ? "|" : "") c[i]
		}
		if (bad)
			next
		gsub(/\|/, " | ", flags)
	}

	# Arguments, then [ret:TYPE], then [@DECODER].
	nargs = 0
	ret = "RET_DEC"
	decoder = ""
	seen_ret = 0
	bad = 0
	for (i = 4; i <= NF; i++) {
		tok = $i
		if (tok ~ /^@/) {
			if (decoder != "") {
				err("more than one decoder")
				bad = 1
				break
			}
			decoder = substr(tok, 2)
			if (!is_ident(decoder)) {
				err("bad decoder name '" tok "'")
				bad = 1
				break
			}
			continue
		}
		if (tok ~ /^ret:/) {
			if (seen_ret) {
				err("more than one ret:")
				bad = 1
				break
			}
			if (decoder != "") {
				err("ret: must come before @" decoder)
				bad = 1
				break
			}
			r = substr(tok, 5)
			if (!(r in retname)) {
				err("unknown return type '" r "' (dec, hex, oct, fd, none)")
				bad = 1
				break
			}
			ret = retname[r]
			seen_ret = 1
			continue
		}
		if (seen_ret || decoder != "") {
			err("argument '" tok "' after ret: or @DECODER")
			bad = 1
			break
		}
		if (nargs >= maxargs) {
			err(name ": more than " maxargs " arguments")
			bad = 1
			break
		}
		split("", a)
		if (!parse_arg(tok, nargs, a)) {
			bad = 1
			break
		}
		at[nargs] = a["type"]
		ad[nargs] = a["dir"]
		al[nargs] = a["len"]
		ax[nargs] = a["xlat"]
		ali[nargs] = a["lenidx"]
		nargs++
	}
	if (bad)
		next
	for (i = 0; i < nargs; i++) {
		if (ali[i] >= nargs) {
			err(name ": argument " i + 1 " takes its length from index " ali[i] ", but the indices go 0.." nargs - 1)
			bad = 1
		}
	}
	if (bad)
		next

	byname_nr[nr] = name
	nrline[nr] = FNR
	nameline[name] = FNR

	s = "\t[" nr "] = {\n"
	s = s "\t\t.name = \"" name "\",\n"
	s = s "\t\t.flags = " flags ",\n"
	s = s "\t\t.nargs = " nargs ",\n"
	s = s "\t\t.ret = " ret ",\n"
	if (nargs > 0) {
		s = s "\t\t.args = {\n"
		for (i = 0; i < nargs; i++)
			s = s "\t\t\t{ " at[i] ", " ad[i] ", " al[i] ", " ax[i] " },\n"
		s = s "\t\t},\n"
	}
	if (decoder != "") {
		s = s "\t\t.decode = decode_" decoder ",\n"
		if (!(decoder in isdecoder)) {
			isdecoder[decoder] = 1
			decoders[++ndecoders] = decoder
		}
	} else {
		s = s "\t\t.decode = NULL,\n"
	}
	s = s "\t},"
	entry[++nentries] = s
}

END {
	if (badabi)
		exit 1
	close("cat 1>&2")
	if (errors)
		exit 1

	print "/* Generated by syscallent/gen-syscallent.awk from syscallent/" abi ".in: do not edit. */"
	print ""
	print "#include <stddef.h>"
	print ""
	print "#include \"sysent.h\""
	print "#include \"xlat.h\""
	print ""
	for (i = 1; i <= ndecoders; i++)
		print "int decode_" decoders[i] "(struct tracee *tp, int exiting);"
	if (ndecoders > 0)
		print ""
	print "const struct sysent sysent_" abi "[] = {"
	for (i = 1; i <= nentries; i++)
		print entry[i]
	print "};"
	print ""
	print "const unsigned int nsysent_" abi " = sizeof(sysent_" abi ") / sizeof(sysent_" abi "[0]);"
}
