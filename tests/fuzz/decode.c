/*
 * Fuzz target: every decoder, on entry and on exit, with random register
 * values, a random result, and a random tracee memory image that the
 * pointer arguments may point into.  Also the siginfo printer.
 *
 * Input: nr (2 bytes), abi (1), pointer selectors (1), 6 arguments (8
 * each), result (8), then the memory image (mapped at IMAGE_BASE).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "json.h"
#include "memory.h"
#include "sysent.h"
#include "tracee.h"

#define IMAGE_BASE 0x7f0000000000UL
#define HEADER (2 + 1 + 1 + 6 * 8 + 8)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t get64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static const struct sysent *pick(struct tracee *tp, unsigned int nr, int i386)
{
	const struct sysent *table = i386 ? sysent_i386 : sysent_x86_64;
	unsigned int n = i386 ? nsysent_i386 : nsysent_x86_64;

	tp->arch = i386 ? ARCH_I386 : ARCH_X86_64;
	tp->scno = nr % (n + 8);	/* a few unknown numbers too */
	return tp->scno < n && table[tp->scno].name ? &table[tp->scno] : NULL;
}

/* --json: what the emitter wrote must be one valid JSON object. */
static void check_json(struct tracee *tp)
{
	struct json_value v;
	struct json_error err;

	if (!tp->em.json)
		return;
	sb_putc(&tp->line, '}');
	if (json_parse(tp->line.buf, tp->line.len, &v, &err) != 0) {
		fprintf(stderr, "invalid JSON (%s): %s\n", err.msg, tp->line.buf);
		abort();
	}
	json_free(&v);
}

static void decode_one(struct tracee *tp, const struct sysent *se,
		       const uint8_t *data, const uint8_t *image, size_t len);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tracee *tp;
	const uint8_t *image = data + HEADER;
	size_t len = size > HEADER ? size - HEADER : 0;
	const struct sysent *se;

	if (size < HEADER)
		return 0;
	if (!tp) {
		tp = tracee_new(1);	/* never read: the memory is fake */
		tp->tgid = 1;
	}
	mem_fake(len ? image : (const void *)"", len, IMAGE_BASE);

	se = pick(tp, data[0] | data[1] << 8, data[2] & 1);
	for (int i = 0; i < 6; i++) {
		uint64_t v = get64(data + 4 + i * 8);

		/* Half the arguments point into the image (or just past it). */
		if (data[3] & (1 << i))
			v = IMAGE_BASE + (len ? v % (len + 16) : v % 16);
		tp->args[i] = v;
	}
	tp->se = se;
	for (int json = 0; json < 2; json++) {
		tp->em.json = json;
		decode_one(tp, se, data, image, len);
	}
	tp->em.json = false;
	mem_fake(NULL, 0, 0);
	return 0;
}

static void decode_one(struct tracee *tp, const struct sysent *se,
		       const uint8_t *data, const uint8_t *image, size_t len)
{
	int rc;

	tp->flags = TRC_INSYSCALL;
	tp->error = 0;
	tp->rval = 0;
	tp->argi = 0;
	tp->ret_xlat = NULL;
	tp->inject = NULL;
	if (se) {
		emit_call_begin(tp, se->name);
		rc = se->decode ? se->decode(tp, 0) : decode_generic(tp, 0);
		if (rc != DEC_DONE) {
			long r = (long)get64(data + 4 + 48);

			tp->rval = r;
			tp->error = (unsigned long)r >= (unsigned long)-4095 ?
					    (int)-r : 0;
			if (se->decode)
				se->decode(tp, 1);
			else
				decode_generic(tp, 1);
		}
		emit_call_end(tp);
		check_json(tp);
	}
	sb_reset(&tp->line);
	emit_reset(&tp->em);

	/* The signal lines: any siginfo the image holds. */
	if (len >= sizeof(siginfo_t)) {
		siginfo_t si;

		memcpy(&si, image, sizeof(si));
		if (tp->em.json) {
			emit_record_begin(tp, "signal");
			emit_member(tp, "siginfo");
		}
		print_siginfo(tp, &si);
		check_json(tp);
		sb_reset(&tp->line);
		emit_reset(&tp->em);
	}
}
