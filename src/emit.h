/*
 * The emitter: the only code that writes trace text.  Decoders describe
 * values (a number, a flag set, a string, a structure) and the backend
 * turns them into strace's syntax.  Separators, field names and nesting
 * are handled here, so a decoder never prints ", " or "=".
 */
#ifndef SCTRACE_EMIT_H
#define SCTRACE_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

struct tracee;
struct xlat;

#define EMIT_MAX_DEPTH 16

/* man/sctrace-json.5: bumped when a field is removed or changes meaning */
#define JSON_SCHEMA_VERSION 1

enum emit_ctx {
	CTX_LINE,   /* outside any brackets */
	CTX_CALL,   /* name(...) */
	CTX_STRUCT, /* {...} */
	CTX_ARRAY,  /* [...] */
};

struct emit_frame {
	uint8_t kind;	  /* enum emit_ctx */
	uint8_t closes;	  /* JSON: "}" owed once the current item ends */
	uint8_t out_next; /* JSON: the next item is the "out" of an "in" */
	unsigned int items; /* items so far: the next one needs ", " */
	size_t start;	    /* JSON: where the latest item begins in out */
};

struct emitter {
	struct strbuf *out;
	const char *field; /* name for the next item, or NULL */
	unsigned depth;
	bool json;	   /* --json: JSON values instead of strace's text */
	struct emit_frame stack[EMIT_MAX_DEPTH];
};

void emit_init(struct emitter *em, struct strbuf *out);
void emit_reset(struct emitter *em);

/* Scalars. */
void emit_int(struct tracee *tp, long long v);
void emit_uint(struct tracee *tp, unsigned long long v);
void emit_hex(struct tracee *tp, unsigned long long v); /* 0 or 0x... */
void emit_ptr(struct tracee *tp, unsigned long long v); /* NULL or 0x... */
void emit_oct(struct tracee *tp, unsigned long long v); /* 0644 */
void emit_sym(struct tracee *tp, const char *name);	/* AT_FDCWD */
void emit_symf(struct tracee *tp, const char *fmt, ...) /* 8192*1024 */
	__attribute__((format(printf, 2, 3)));
/*
 * A named constant: NAME as it is, or with -X raw VALUE in FMT (enum
 * xlat_fmt), -X verbose both ("-100 /- AT_FDCWD -/").
 */
void emit_named(struct tracee *tp, const char *name, int64_t value, int fmt);
void emit_flags(struct tracee *tp, const struct xlat *x, uint64_t v);
/* xlat_format_flags() in the -X style. */
void format_flags_styled(struct strbuf *sb, const struct xlat *x, uint64_t v);
void emit_enum(struct tracee *tp, const struct xlat *x, uint64_t v);
/* A descriptor, or SYM (AT_FDCWD), with -y's "</etc/passwd>" after it. */
void emit_fd(struct tracee *tp, int fd, const char *sym, const char *desc);
/* A quoted string; style is a mask of enum quote_style. */
void emit_bytes(struct tracee *tp, const void *s, size_t n, unsigned style);

/* Aggregates. */
void emit_field(struct tracee *tp, const char *name); /* names the next item */
void emit_field_int(struct tracee *tp, const char *name, long long v);
void emit_field_uint(struct tracee *tp, const char *name, unsigned long long v);
void emit_struct_begin(struct tracee *tp);
void emit_struct_end(struct tracee *tp);
void emit_array_begin(struct tracee *tp);
void emit_array_end(struct tracee *tp);
void emit_ellipsis(struct tracee *tp);
/* " => ": what follows is the new value of what precedes ([16 => 4]). */
void emit_arrow(struct tracee *tp); /* "..." as an item */
void emit_comment(struct tracee *tp, const char *fmt, ...) /* " /- x -/" */
	__attribute__((format(printf, 2, 3)));

/*
 * What strace adds in parentheses after a result: " (Timeout)".  JSON
 * carries it as text, in "note".
 */
void emit_note_begin(struct tracee *tp);
void emit_note_end(struct tracee *tp);

/* Line framing, used by the syscall and tracer rooms. */
void emit_call_begin(struct tracee *tp, const char *name);
void emit_call_resumed(struct tracee *tp, const char *name);
/*
 * Entry printed some arguments and exit prints the rest: strace puts the
 * ", " out with the first half ("read(0, " then "<... read resumed>...").
 */
void emit_call_pause(struct tracee *tp);
void emit_call_end(struct tracee *tp);
void emit_raw(struct tracee *tp, const char *text);
void emit_rawf(struct tracee *tp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Pads to the result column, then "= " (the result text follows). */
void emit_result_column(struct tracee *tp);

/*
 * JSON records (--json, man/sctrace-json.5).  A record is opened with
 * emit_record_begin(), which writes "type" and the tracee's fields; the
 * sink closes it.  The member writers append ',"KEY":VALUE'.
 */
void emit_record_begin(struct tracee *tp, const char *type);
void emit_member_str(struct tracee *tp, const char *key, const char *s);
void emit_member_int(struct tracee *tp, const char *key, long long v);
/* ',"KEY":["A","B"]' */
void emit_member_flags(struct tracee *tp, const char *key,
		       const struct xlat *x, uint64_t v);
/* S as a JSON string value, or {"bytes":"hex"} when not UTF-8. */
void json_bytes(struct strbuf *sb, const unsigned char *s, size_t n,
		unsigned style);
/* ',"KEY":' then the next emit_* call writes the value. */
void emit_member(struct tracee *tp, const char *key);

#endif
