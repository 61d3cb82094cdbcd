#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "options.h"
#include "sink.h"
#include "strquote.h"
#include "tracee.h"
#include "xlat.h"

void emit_init(struct emitter *em, struct strbuf *out)
{
	em->out = out;
	emit_reset(em);
}

void emit_reset(struct emitter *em)
{
	em->field = NULL;
	em->depth = 0;
	em->stack[0].kind = CTX_LINE;
	em->stack[0].items = 0;
}

/* Separator and field name before a value. */
static struct strbuf *item(struct tracee *tp)
{
	struct emitter *em = &tp->em;
	struct emit_frame *f = &em->stack[em->depth];

	if (f->items++ && f->kind != CTX_LINE)
		sb_add(em->out, ", ", 2);
	if (em->field) {
		sb_puts(em->out, em->field);
		sb_putc(em->out, '=');
		em->field = NULL;
	}
	return em->out;
}

static void open_ctx(struct tracee *tp, enum emit_ctx kind, char c)
{
	struct emitter *em = &tp->em;

	sb_putc(item(tp), c);
	if (em->depth + 1 < EMIT_MAX_DEPTH)
		em->depth++;
	em->stack[em->depth].kind = kind;
	em->stack[em->depth].items = 0;
}

static void close_ctx(struct tracee *tp, char c)
{
	struct emitter *em = &tp->em;

	if (em->depth)
		em->depth--;
	em->field = NULL;
	sb_putc(em->out, c);
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
	sb_printf(item(tp), "%#llx", v);
}

void emit_ptr(struct tracee *tp, unsigned long long v)
{
	if (v)
		sb_printf(item(tp), "%#llx", v);
	else
		sb_add(item(tp), "NULL", 4);
}

void emit_oct(struct tracee *tp, unsigned long long v)
{
	sb_printf(item(tp), "%#03llo", v);
}

void emit_sym(struct tracee *tp, const char *name)
{
	sb_puts(item(tp), name);
}

void emit_symf(struct tracee *tp, const char *fmt, ...)
{
	struct strbuf *sb = item(tp);
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_puts(sb, buf);
}

void emit_flags(struct tracee *tp, const struct xlat *x, uint64_t v)
{
	xlat_format_flags(item(tp), x, v);
}

void emit_enum(struct tracee *tp, const struct xlat *x, uint64_t v)
{
	xlat_format_enum(item(tp), x, v);
}

void emit_bytes(struct tracee *tp, const void *s, size_t n, unsigned style)
{
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
	sb_add(item(tp), "...", 3);
}

void emit_arrow(struct tracee *tp)
{
	struct emit_frame *f = &tp->em.stack[tp->em.depth];

	sb_add(tp->em.out, " => ", 4);
	/* The new value is the same item: no ", " before it. */
	f->items = 0;
}

void emit_comment(struct tracee *tp, const char *fmt, ...)
{
	struct strbuf *sb = tp->em.out;
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sb_printf(sb, " /* %s */", buf);
}

void emit_call_begin(struct tracee *tp, const char *name)
{
	struct emitter *em = &tp->em;

	emit_reset(em);
	sb_puts(em->out, name);
	sb_putc(em->out, '(');
	em->depth = 1;
	em->stack[1].kind = CTX_CALL;
	em->stack[1].items = 0;
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

	if (tp->em.depth == 1 && f->items) {
		sb_add(tp->em.out, ", ", 2);
		f->items = 0;
	}
}

void emit_call_end(struct tracee *tp)
{
	tp->em.depth = 0;
	sb_putc(tp->em.out, ')');
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
