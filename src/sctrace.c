/* sctrace: a syscall tracer that speaks strace's language. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "diff.h"
#include "options.h"
#include "render.h"
#include "sink.h"
#include "tracer.h"

int main(int argc, char **argv)
{
	int status;
	bool output_ok;

	/*
	 * Subcommands that read traces instead of making one.  Only the
	 * exact word: a program called diff is "sctrace -- diff" or
	 * "sctrace ./diff".
	 */
	if (argc > 1 && strcmp(argv[1], "diff") == 0)
		return diff_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "render") == 0)
		return render_main(argc - 1, argv + 1);
	options_parse(argc, argv);
	sink_open();
	status = tracer_run();
	if (opt.count)
		sink_summary();
	output_ok = sink_close();

	if (tracer_interrupted()) {
		tracer_mimic_death(tracer_interrupted());
		return 128 + tracer_interrupted();
	}
	/* A script must notice that its trace is incomplete. */
	if (!output_ok || status == -1)
		return 1;
	if (WIFSIGNALED(status)) {
		tracer_mimic_death(WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}
