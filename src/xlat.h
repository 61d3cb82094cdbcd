/* Constant tables (flags, enums): generated from syscallent/xlat/NAME.in. */
#ifndef SCTRACE_XLAT_H
#define SCTRACE_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct xlat_data {
	uint64_t val;
	const char *str;
};

enum xlat_kind {
	XLAT_FLAGS, /* a bit set: A|B|0x40 */
	XLAT_ENUM,  /* one value: A, or 0x4d /- SEEK_??? -/ */
};

enum xlat_fmt {
	XFMT_HEX = 0, /* what does not match prints as 0x... */
	XFMT_DEC,
	XFMT_OCT,
	XFMT_UDEC, /* unsigned decimal, for -X raw (RLIM64_INFINITY) */
};

struct xlat {
	const struct xlat_data *data;
	uint32_t size;
	uint8_t kind; /* enum xlat_kind */
	uint8_t fmt;  /* enum xlat_fmt */
	/*
	 * "SEEK_???": the comment after an enum value not in the table, or
	 * after flag bits none of which has a name.
	 */
	const char *unknown;
	/*
	 * Flags only: a multi-bit field printed first as one value of
	 * another table, even when it is zero (O_ACCMODE -> O_RDONLY,
	 * MAP_TYPE -> MAP_PRIVATE, SOCK_TYPE_MASK -> SOCK_STREAM), then
	 * the remaining bits as flags.
	 */
	uint64_t field_mask;
	const struct xlat *field;
	/* -X raw/verbose print the field apart: "0x1|0x80800" (socket). */
	uint8_t field_apart;
};

struct strbuf;

/* The name of VAL, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t val);
/* V in the table's number format (enum xlat_fmt): -X raw's form. */
void xlat_format_number(struct strbuf *sb, uint8_t fmt, uint64_t v);

/* A|B|0x40 for flags; NAME, or 0x4d followed by a comment, for enums. */
void xlat_format_flags(struct strbuf *sb, const struct xlat *x, uint64_t v);
void xlat_format_enum(struct strbuf *sb, const struct xlat *x, uint64_t v);

/*
 * Every generated table is declared here as "extern const struct xlat
 * xlat_NAME;" by the generated header.
 */
#include "gen/xlat_decls.h"

#endif
