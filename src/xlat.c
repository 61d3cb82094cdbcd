#include <stdio.h>

#include "strbuf.h"
#include "xlat.h"

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	for (uint32_t i = 0; i < x->size; i++)
		if (x->data[i].val == val)
			return x->data[i].str;
	return NULL;
}

void xlat_format_number(struct strbuf *sb, uint8_t fmt, uint64_t v)
{
	switch (fmt) {
	case XFMT_DEC:
		sb_printf(sb, "%lld", (long long)v);
		break;
	case XFMT_UDEC:
		sb_printf(sb, "%llu", (unsigned long long)v);
		break;
	case XFMT_OCT:
		sb_printf(sb, "%#llo", (unsigned long long)v);
		break;
	default:
		sb_printf(sb, "%#llx", (unsigned long long)v);
		break;
	}
}

void xlat_format_enum(struct strbuf *sb, const struct xlat *x, uint64_t v)
{
	const char *name = xlat_name(x, v);

	if (name) {
		sb_puts(sb, name);
		return;
	}
	xlat_format_number(sb, x->fmt, v);
	if (x->unknown)
		sb_printf(sb, " /* %s */", x->unknown);
}

void xlat_format_flags(struct strbuf *sb, const struct xlat *x, uint64_t v)
{
	int n = 0, named = 0;

	if (x->field) {
		xlat_format_enum(sb, x->field, v & x->field_mask);
		v &= ~x->field_mask;
		n++;
	}
	for (uint32_t i = 0; v && i < x->size; i++) {
		uint64_t bit = x->data[i].val;

		if (bit && (v & bit) == bit) {
			if (n++)
				sb_putc(sb, '|');
			sb_puts(sb, x->data[i].str);
			v &= ~bit;
			named++;
		}
	}
	if (v) {
		if (n++)
			sb_putc(sb, '|');
		xlat_format_number(sb, x->fmt, v);
		/* strace explains bits only when none of them had a name. */
		if (!named && x->unknown)
			sb_printf(sb, " /* %s */", x->unknown);
	}
	if (!n) {
		const char *zero = xlat_name(x, 0);

		sb_puts(sb, zero ? zero : "0");
	}
}
