#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "emit.h"
#include "options.h"
#include "sink.h"
#include "strquote.h"
#include "sysent.h"
#include "tracee.h"
#include "xlat.h"

void emit_init(struct emitter *em, struct strbuf *out)
{
	em->out = out;
	em->json = opt.json;
	emit_reset(em);
}

void emit_reset(struct emitter *em)
{
	em->field = NULL;
	em->depth = 0;
	em->stack[0].kind = CTX_LINE;
	em->stack[0].items = 0;
	em->stack[0].closes = 0;
	em->stack[0].out_next = 0;
}

static void push(struct emitter *em, enum emit_ctx kind)
{
	struct emit_frame *f;

	if (em->depth + 1 < EMIT_MAX_DEPTH)
		em->depth++;
	f = &em->stack[em->depth];
	f->kind = kind;
	f->items = 0;
	f->closes = 0;
	f->out_next = 0;
}

/* JSON: the frame's latest item is complete; close what wraps it. */
static void settle(struct emitter *em, struct emit_frame *f)
{
	if (f->out_next)
		return; /* "in" written, "out" still to come */
	for (; f->closes; f->closes--)
		sb_putc(em->out, '}');
}

static void json_key(struct strbuf *sb, const char *key)
{
	quote_json(sb, key, strlen(key));
	sb_putc(sb, ':');
}

/*
 * JSON separator, key and wrapper before a value.  A struct's items are
 * members ("#N" for one strace prints without a name); a named item
 * anywhere else is {"name":..,"value":..}.
 */
static struct strbuf *json_item(struct emitter *em, struct emit_frame *f)
{
	struct strbuf *sb = em->out;
	const char *field = em->field;

	em->field = NULL;
	settle(em, f);
	if (f->out_next) {
		f->out_next = 0; /* the "out" value: same item */
		return sb;
	}
	if (f->items++ && f->kind != CTX_LINE)
		sb_putc(sb, ',');
	if (f->kind == CTX_STRUCT) {
		if (field)
			json_key(sb, field);
		else
			sb_printf(sb, "\"#%u\":", f->items - 1);
		f->start = sb->len;
		return sb;
	}
	f->start = sb->len;
	if (field && f->kind != CTX_LINE) {
		sb_add(sb, "{\"name\":", 8);
		quote_json(sb, field, strlen(field));
		sb_add(sb, ",\"value\":", 9);
		f->closes++;
	}
	return sb;
}

/* Separator and field name before a value. */
static struct strbuf *item(struct tracee *tp)
{
	struct emitter *em = &tp->em;
	struct emit_frame *f = &em->stack[em->depth];

	if (em->json)
		return json_item(em, f);
	if (f->items++ && f->kind != CTX_LINE)
		sb_add(em->out, ", ", 2);
	if (em->field) {
		sb_puts(em->out, em->field);
		sb_putc(em->out, '=');
		em->field = NULL;
	}
	return em->out;
}

/* JSON: {"TAG":"TEXT"}, the form of everything printed as it is. */
static void json_tagged(struct strbuf *sb, const char *tag, const char *text)
{
	sb_putc(sb, '{');
	json_key(sb, tag);
	quote_json(sb, text, strlen(text));
	sb_putc(sb, '}');
}

static void open_ctx(struct tracee *tp, enum emit_ctx kind, char c)
{
	struct emitter *em = &tp->em;
	struct strbuf *sb = item(tp);

	if (em->json && kind == CTX_STRUCT)
		sb_add(sb, "{\"struct\":", 10);
	sb_putc(sb, c);
	push(em, kind);
}

static void close_ctx(struct tracee *tp, char c)
{
	struct emitter *em = &tp->em;
	struct emit_frame *f = &em->stack[em->depth];

	if (em->json) {
		f->out_next = 0;
		settle(em, f);
	}
	if (em->depth)
		em->depth--;
	em->field = NULL;
	sb_putc(em->out, c);
	if (em->json && c == '}')
		sb_putc(em->out, '}'); /* {"struct":{...}} */
}

void emit_int(struct tracee *tp, long long v)
{
	sb_printf(item(tp), "%lld", v);
}

void emit_uint(struct tracee *tp, unsigned long long v)
{
	sb_printf(item(tp), "%llu", v);
}

void emit_hex(struct tracee *tp, unsigned long long v)
{
	if (tp->em.json)
		sb_printf(item(tp), "{\"hex\":\"%#llx\"}", v);
	else
		sb_printf(item(tp), "%#llx", v);
}

void emit_ptr(struct tracee *tp, unsigned long long v)
{
	if (v)
		emit_hex(tp, v);
	else
		emit_sym(tp, "NULL");
}

void emit_oct(struct tracee *tp, unsigned long long v)
{
	if (tp->em.json)
		sb_printf(item(tp), "{\"oct\":\"%#03llo\"}", v);
	else
		sb_printf(item(tp), "%#03llo", v);
}

void emit_sym(struct tracee *tp, const char *name)
{
	if (tp->em.json)
		json_tagged(item(tp), "sym", name);
	else
		sb_puts(item(tp), name);
}

void emit_symf(struct tracee *tp, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	emit_sym(tp, buf);
}

/* JSON: strace's "A|B|0x10" as ["A","B","0x10"]. */
static void json_flag_list(struct strbuf *sb, const char *text)
{
	const char *bar;

	sb_putc(sb, '[');
	for (;;) {
		bar = strchr(text, '|');
		quote_json(sb, text, bar ? (size_t)(bar - text) : strlen(text));
		if (!bar)
			break;
		sb_putc(sb, ',');
		text = bar + 1;
	}
	sb_putc(sb, ']');
}

static void format_flags(struct strbuf *sb, const struct xlat *x, uint64_t v)
{
	struct strbuf text = { 0 };

	xlat_format_flags(&text, x, v);
	json_flag_list(sb, text.buf ? text.buf : "0");
	sb_free(&text);
}

/*
 * -X raw: the number; -X verbose: the number, then the names in a comment
 * unless they are the number already ("0x1234 /- X_??? -/").
 */
static void styled(struct strbuf *sb, const char *names, int fmt, uint64_t v,
		   bool named)
{
	if (opt.xlat_style == XLAT_VERBOSE && !named &&
	    ((names[0] >= '0' && names[0] <= '9') || names[0] == '-')) {
		sb_puts(sb, names);
		return;
	}
	xlat_format_number(sb, (uint8_t)fmt, v);
	if (opt.xlat_style == XLAT_VERBOSE)
		sb_printf(sb, " /* %s */", names);
}

/* NAMED: NAMES is a name even if it looks like a number ("8192*1024"). */
static bool xlat_styled(struct tracee *tp, const char *names, int fmt,
			uint64_t v, bool named)
{
	if (opt.xlat_style == XLAT_ABBREV || tp->em.json)
		return false;
	styled(item(tp), names, fmt, v, named);
	return true;
}

/*
 * Tables whose field is "apart" (socket types, statx sync types): with -X
 * strace prints the field and the other bits apart: "0x1|0x80800",
 * "|0x900" (raw: a zero field is empty), "0 /- AT_STATX_SYNC_AS_STAT -/|
 * 0x900 /- ... -/".  Other tables with a field (open, mmap) are one number.
 */
static bool split_field(struct strbuf *sb, const struct xlat *x, uint64_t v)
{
	struct xlat rest;
	uint64_t field;

	if (!x->field_apart)
		return false;
	field = v & x->field_mask;
	if (field || opt.xlat_style == XLAT_VERBOSE) {
		struct strbuf name = { 0 };

		xlat_format_enum(&name, x->field, field);
		styled(sb, name.buf, x->field->fmt, field, false);
		sb_free(&name);
	}
	if (v & ~x->field_mask) {
		rest = *x;
		rest.field = NULL;
		sb_putc(sb, '|');
		format_flags_styled(sb, &rest, v & ~x->field_mask);
	} else if (!field && opt.xlat_style == XLAT_RAW) {
		sb_putc(sb, '0');
	}
	return true;
}

void format_flags_styled(struct strbuf *sb, const struct xlat *x, uint64_t v)
{
	struct strbuf names = { 0 };

	if (opt.xlat_style == XLAT_ABBREV) {
		xlat_format_flags(sb, x, v);
		return;
	}
	if (x->field && split_field(sb, x, v))
		return;
	xlat_format_flags(&names, x, v);
	styled(sb, names.buf, x->fmt, v, false);
	sb_free(&names);
}

void emit_named(struct tracee *tp, const char *name, int64_t value, int fmt)
{
	if (!xlat_styled(tp, name, fmt, (uint64_t)value, true))
		emit_sym(tp, name);
}

void emit_flags(struct tracee *tp, const struct xlat *x, uint64_t v)
{
	struct strbuf *sb;

	sb = item(tp);
	if (!tp->em.json) {
		format_flags_styled(sb, x, v);
		return;
	}
	sb_add(sb, "{\"flags\":", 9);
	format_flags(sb, x, v);
	sb_putc(sb, '}');
}

void emit_member_flags(struct tracee *tp, const char *key,
		       const struct xlat *x, uint64_t v)
{
	emit_member(tp, key);
	format_flags(tp->em.out, x, v);
}

void emit_enum(struct tracee *tp, const struct xlat *x, uint64_t v)
{
	struct strbuf text = { 0 };

	if (opt.xlat_style != XLAT_ABBREV && !tp->em.json) {
		xlat_format_enum(&text, x, v);
		xlat_styled(tp, text.buf, x->fmt, v, false);
		sb_free(&text);
		return;
	}
	if (!tp->em.json) {
		xlat_format_enum(item(tp), x, v);
		return;
	}
	xlat_format_enum(&text, x, v);
	emit_sym(tp, text.buf ? text.buf : "");
	sb_free(&text);
}

void emit_fd(struct tracee *tp, int fd, const char *sym, const char *desc)
{
	struct strbuf *sb = item(tp);

	if (!tp->em.json) {
		if (sym)
			sb_puts(sb, sym);
		else
			sb_printf(sb, "%d", fd);
		sb_puts(sb, desc);
		return;
	}
	sb_printf(sb, "{\"fd\":%d,", fd);
	if (sym) {
		json_key(sb, "sym");
		quote_json(sb, sym, strlen(sym));
		sb_putc(sb, ',');
	}
	json_key(sb, "desc");
	quote_json(sb, desc, strlen(desc));
	sb_putc(sb, '}');
}

/* JSON: a string as it is when it can be, else its bytes in hex. */
void json_bytes(struct strbuf *sb, const unsigned char *s, size_t n,
		unsigned style)
{
	bool cut = style & QUOTE_ELLIPSIS;

	if (!(style & QUOTE_HEX_ALL) && utf8_valid(s, n)) {
		if (!cut) {
			quote_json(sb, (const char *)s, n);
			return;
		}
		sb_add(sb, "{\"str\":", 7);
		quote_json(sb, (const char *)s, n);
	} else {
		sb_add(sb, "{\"bytes\":\"", 10);
		for (size_t i = 0; i < n; i++)
			sb_printf(sb, "%02x", s[i]);
		sb_putc(sb, '"');
		if (style & QUOTE_HEX_ALL)
			sb_add(sb, ",\"hex\":true", 11);
	}
	if (cut)
		sb_add(sb, ",\"truncated\":true", 17);
	sb_putc(sb, '}');
}

void emit_bytes(struct tracee *tp, const void *s, size_t n, unsigned style)
{
	if (tp->em.json) {
		json_bytes(item(tp), s, n, style);
		return;
	}
	if (opt.xflag >= 2)
		style |= QUOTE_HEX_ALL;
	else if (opt.xflag)
		style |= QUOTE_HEX_NONPRINT;
	quote_bytes(item(tp), s, n, style);
}

void emit_field(struct tracee *tp, const char *name)
{
	tp->em.field = name;
}

void emit_field_int(struct tracee *tp, const char *name, long long v)
{
	emit_field(tp, name);
	emit_int(tp, v);
}

void emit_field_uint(struct tracee *tp, const char *name, unsigned long long v)
{
	emit_field(tp, name);
	emit_uint(tp, v);
}

void emit_struct_begin(struct tracee *tp)
{
	open_ctx(tp, CTX_STRUCT, '{');
}

void emit_struct_end(struct tracee *tp)
{
	close_ctx(tp, '}');
}

void emit_array_begin(struct tracee *tp)
{
	open_ctx(tp, CTX_ARRAY, '[');
}

void emit_array_end(struct tracee *tp)
{
	close_ctx(tp, ']');
}

void emit_ellipsis(struct tracee *tp)
{
	struct emitter *em = &tp->em;

	if (em->json && em->stack[em->depth].kind == CTX_STRUCT) {
		em->field = "...";
		sb_add(item(tp), "true", 4);
	} else {
		emit_sym(tp, "...");
	}
}

/* JSON: put "{TAG:" before the frame's latest item. */
static void json_wrap_latest(struct emitter *em, struct emit_frame *f,
			     const char *tag)
{
	struct strbuf *sb = em->out;
	size_t n = strlen(tag) + 4, at = f->start;

	settle(em, f);
	sb_grow(sb, n);
	memmove(sb->buf + at + n, sb->buf + at, sb->len - at + 1);
	sb->buf[at] = '{';
	sb->buf[at + 1] = '"';
	memcpy(sb->buf + at + 2, tag, n - 4);
	sb->buf[at + n - 2] = '"';
	sb->buf[at + n - 1] = ':';
	sb->len += n;
}

void emit_arrow(struct tracee *tp)
{
	struct emitter *em = &tp->em;
	struct emit_frame *f = &em->stack[em->depth];

	if (em->json) {
		if (!f->items)
			return;
		json_wrap_latest(em, f, "in");
		sb_add(em->out, ",\"out\":", 7);
		f->closes++;
		f->out_next = 1;
		return;
	}
	sb_add(tp->em.out, " => ", 4);
	/* The new value is the same item: no ", " before it. */
	f->items = 0;
}

void emit_comment(struct tracee *tp, const char *fmt, ...)
{
	struct emitter *em = &tp->em;
	struct emit_frame *f = &em->stack[em->depth];
	struct strbuf *sb = em->out;
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!em->json) {
		sb_printf(sb, " /* %s */", buf);
		return;
	}
	if (f->items && !f->out_next) {
		json_wrap_latest(em, f, "value");
		sb_add(sb, ",\"comment\":", 11);
	} else {
		sb_add(item(tp), "{\"comment\":", 11); /* nothing to wrap */
	}
	quote_json(sb, buf, strlen(buf));
	sb_putc(sb, '}');
}

/*
 * JSON: the note is strace's text, captured by the text backend into a
 * buffer of its own and written as one string member.
 */
static struct strbuf note_text;
static struct strbuf *note_out;

void emit_note_begin(struct tracee *tp)
{
	struct emitter *em = &tp->em;

	if (!em->json) {
		sb_add(em->out, " (", 2);
		return;
	}
	note_out = em->out;
	sb_reset(&note_text);
	em->out = &note_text;
	em->json = false;
	emit_reset(em);
}

void emit_note_end(struct tracee *tp)
{
	struct emitter *em = &tp->em;

	if (!note_out) {
		sb_putc(em->out, ')');
		return;
	}
	em->out = note_out;
	em->json = true;
	note_out = NULL;
	emit_member_str(tp, "note", note_text.buf ? note_text.buf : "");
}

static void json_time(struct strbuf *sb)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	sb_printf(sb, ",\"time\":%lld.%06ld", (long long)now.tv_sec,
		  now.tv_nsec / 1000);
}

void emit_record_begin(struct tracee *tp, const char *type)
{
	struct emitter *em = &tp->em;

	emit_reset(em);
	sb_add(em->out, "{\"type\":", 8);
	quote_json(em->out, type, strlen(type));
	sb_printf(em->out, ",\"lid\":%u,\"pid\":%d,\"tid\":%d", tp->lid,
		  tracee_tgid(tp), tp->pid);
	json_time(em->out);
}

void emit_member(struct tracee *tp, const char *key)
{
	sb_putc(tp->em.out, ',');
	json_key(tp->em.out, key);
}

void emit_member_str(struct tracee *tp, const char *key, const char *s)
{
	emit_member(tp, key);
	quote_json(tp->em.out, s, strlen(s));
}

void emit_member_int(struct tracee *tp, const char *key, long long v)
{
	emit_member(tp, key);
	sb_printf(tp->em.out, "%lld", v);
}

static void json_call_begin(struct tracee *tp, const char *name)
{
	struct emitter *em = &tp->em;
	unsigned int nargs = tp->se ? tp->se->nargs : 6;

	emit_record_begin(tp, "syscall");
	emit_member_str(tp, "name", name);
	emit_member_int(tp, "nr", (long long)tp->scno);
	emit_member_str(tp, "abi", tp->arch == ARCH_I386 ? "i386" : "x86_64");
	sb_add(em->out, ",\"regs\":[", 9);
	for (unsigned int i = 0; i < nargs && i < 6; i++)
		sb_printf(em->out, i ? ",\"%#lx\"" : "\"%#lx\"", tp->args[i]);
	sb_add(em->out, "],\"args\":[", 10);
	push(em, CTX_CALL);
}

void emit_call_begin(struct tracee *tp, const char *name)
{
	struct emitter *em = &tp->em;

	if (em->json) {
		json_call_begin(tp, name);
		return;
	}
	emit_reset(em);
	sb_puts(em->out, name);
	sb_putc(em->out, '(');
	push(em, CTX_CALL);
}

/*
 * The first half of the line went out earlier and another tracee's line
 * cut it: strace's "<... read resumed>".  Arguments printed before stay
 * counted, so the next one still gets its ", ".
 */
void emit_call_resumed(struct tracee *tp, const char *name)
{
	sb_printf(tp->em.out, "<... %s resumed>", name);
}

void emit_call_pause(struct tracee *tp)
{
	struct emit_frame *f = &tp->em.stack[1];

	if (tp->em.json)
		return; /* the record is written whole */
	if (tp->em.depth == 1 && f->items) {
		sb_add(tp->em.out, ", ", 2);
		f->items = 0;
	}
}

void emit_call_end(struct tracee *tp)
{
	struct emitter *em = &tp->em;

	if (em->json) {
		if (em->depth) {
			em->stack[1].out_next = 0;
			settle(em, &em->stack[1]);
		}
		em->depth = 0;
		sb_putc(em->out, ']');
		return;
	}
	em->depth = 0;
	sb_putc(em->out, ')');
}

void emit_raw(struct tracee *tp, const char *text)
{
	sb_puts(tp->em.out, text);
}

void emit_rawf(struct tracee *tp, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_puts(tp->em.out, buf);
}

void emit_result_column(struct tracee *tp)
{
	size_t col = sink_column(tp) + 1; /* after the space below */

	sb_putc(tp->em.out, ' ');
	while (col < (size_t)opt.acolumn) {
		sb_putc(tp->em.out, ' ');
		col++;
	}
	sb_add(tp->em.out, "= ", 2);
}
