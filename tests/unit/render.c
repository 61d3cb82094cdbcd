/*
 * JSON records back to strace's text: every value kind of
 * sctrace-json(5), and the line forms of strace 6.1.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "render.h"

static const struct render_opts plain = { .acolumn = 40 };

static const char *render_json(const char *json, int value,
			       const struct render_opts *o, size_t col0)
{
	static struct strbuf sb;
	static char err[256];
	struct json_value v;
	struct json_error je;
	int rc;

	cr_assert_eq(json_parse(json, strlen(json), &v, &je), 0, "%s: %s", json,
		     je.msg);
	sb_reset(&sb);
	rc = value ? render_value(&sb, &v, o, err, sizeof(err))
		   : render_record(&sb, &v, col0, o, err, sizeof(err));
	json_free(&v);
	if (rc == RENDER_ERROR)
		return err;
	return rc == RENDER_SKIP ? "(skip)" : sb.buf;
}

#define VALUE(json, want) \
 cr_assert_str_eq(render_json(json, 1, &plain, 0), want, "%s", json)
#define LINE(json, want) \
 cr_assert_str_eq(render_json(json, 0, &plain, 0), want, "%s", json)

Test(render, values)
{
	VALUE("3", "3");
	VALUE("-1", "-1");
	VALUE("18446744073709551615", "18446744073709551615");
	VALUE("\"/etc/passwd\"", "\"/etc/passwd\"");
	VALUE("\"a\\n\\t\\\"\\\\\\u00e9\"", "\"a\\n\\t\\\"\\\\\\303\\251\"");
	VALUE("{\"str\":\"root:x:0:0\",\"truncated\":true}",
	      "\"root:x:0:0\"...");
	VALUE("{\"bytes\":\"ff0031\"}", "\"\\377\\0001\"");
	VALUE("{\"bytes\":\"ff00\",\"truncated\":true}", "\"\\377\\0\"...");
	VALUE("{\"bytes\":\"6869\",\"hex\":true}", "\"\\x68\\x69\"");
	VALUE("{\"bytes\":\"6869\",\"hex\":true,\"truncated\":true}",
	      "\"\\x68\\x69\"...");
	VALUE("{\"sym\":\"AT_FDCWD\"}", "AT_FDCWD");
	VALUE("{\"sym\":\"makedev(0x1, 0x3)\"}", "makedev(0x1, 0x3)");
	VALUE("{\"hex\":\"0x7ffd2c3b1e40\"}", "0x7ffd2c3b1e40");
	VALUE("{\"sym\":\"NULL\"}", "NULL");
	VALUE("{\"oct\":\"0644\"}", "0644");
	VALUE("{\"flags\":[\"O_RDONLY\",\"O_CLOEXEC\"]}", "O_RDONLY|O_CLOEXEC");
	VALUE("{\"flags\":[\"O_RDONLY\",\"0x200000\"]}", "O_RDONLY|0x200000");
	VALUE("{\"struct\":{\"st_mode\":{\"sym\":\"S_IFREG|0644\"},"
	      "\"st_size\":1234,\"...\":true}}",
	      "{st_mode=S_IFREG|0644, st_size=1234, ...}");
	VALUE("{\"struct\":{\"#0\":{\"sym\":\"WIFEXITED(s) && "
	      "WEXITSTATUS(s) == 0\"}}}",
	      "{WIFEXITED(s) && WEXITSTATUS(s) == 0}");
	VALUE("{\"struct\":{}}", "{}");
	VALUE("[1,{\"sym\":\"...\"}]", "[1, ...]");
	VALUE("[]", "[]");
	VALUE("[{\"struct\":{\"fd\":3,\"events\":{\"flags\":[\"POLLIN\"]}}}]",
	      "[{fd=3, events=POLLIN}]");
	VALUE("{\"name\":\"child_stack\",\"value\":{\"sym\":\"NULL\"}}",
	      "child_stack=NULL");
	VALUE("{\"in\":16,\"out\":4}", "16 => 4");
	VALUE("[{\"in\":16,\"out\":4}]", "[16 => 4]");
	VALUE("{\"value\":{\"hex\":\"0x7ffd2c3b1e40\"},\"comment\":\"23 "
	      "vars\"}",
	      "0x7ffd2c3b1e40 /* 23 vars */");
}

Test(render, bad_values)
{
	VALUE("true", "true, false or null as a value");
	VALUE("{\"what\":1}", "an object that is no value of schema_version 1 "
			      "(first key \"what\")");
	VALUE("{\"bytes\":\"abc\"}", "odd number of hex digits in \"bytes\"");
	VALUE("{\"bytes\":\"zz\"}", "bad hex digit in \"bytes\"");
}

Test(render, mask_random)
{
	const struct render_opts o = { .acolumn = 0, .mask_random = true };

	cr_assert_str_eq(
		render_json("{\"bytes\":\"6869\",\"hex\":true}", 1, &o, 0),
		"*");
	cr_assert_str_eq(render_json("{\"bytes\":\"6869\"}", 1, &o, 0),
			 "\"hi\"");
}

#define SC(rest)                                          \
 "{\"type\":\"syscall\",\"lid\":1,\"pid\":42,\"tid\":42," \
 "\"time\":1.5," rest "}"

Test(render, syscall_lines)
{
	LINE(SC("\"name\":\"openat\",\"args\":[{\"sym\":\"AT_FDCWD\"},"
		"\"/etc/passwd\",{\"flags\":[\"O_RDONLY\",\"O_CLOEXEC\"]}],"
		"\"retval\":3"),
	     "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
	LINE(SC("\"name\":\"read\",\"args\":[3,{\"str\":\"root:x:0:0\","
		"\"truncated\":true},4096],\"retval\":1234"),
	     "read(3, \"root:x:0:0\"..., 4096)          = 1234");
	LINE(SC("\"name\":\"openat\",\"args\":[{\"sym\":\"AT_FDCWD\"},\"/x\","
		"{\"flags\":[\"O_RDONLY\"]}],\"retval\":-1,\"errno\":"
		"\"ENOENT\","
		"\"strerror\":\"No such file or directory\""),
	     "openat(AT_FDCWD, \"/x\", O_RDONLY)        = -1 ENOENT "
	     "(No such file or directory)");
	LINE(SC("\"name\":\"rt_sigsuspend\",\"args\":[[],8],\"retval\":null,"
		"\"errno\":\"ERESTARTSYS\",\"strerror\":\"To be restarted if "
		"SA_RESTART is set\""),
	     "rt_sigsuspend([], 8)                    = ? ERESTARTSYS "
	     "(To be restarted if SA_RESTART is set)");
	LINE(SC("\"name\":\"exit_group\",\"args\":[0],\"retval\":null"),
	     "exit_group(0)                           = ?");
	LINE(SC("\"name\":\"getpid\",\"args\":[],\"retval\":42"),
	     "getpid()                                = 42");
	LINE(SC("\"name\":\"brk\",\"args\":[{\"sym\":\"NULL\"}],"
		"\"retval\":94366428160000,\"ret\":{\"hex\":"
		"\"0x55d3c0de1000\"}"),
	     "brk(NULL)                               = 0x55d3c0de1000");
	LINE(SC("\"name\":\"umask\",\"args\":[{\"oct\":\"077\"}],\"retval\":18,"
		"\"ret\":{\"oct\":\"022\"}"),
	     "umask(077)                              = 022");
	LINE(SC("\"name\":\"fcntl\",\"args\":[3,{\"sym\":\"F_GETFD\"}],"
		"\"retval\":1,\"ret\":{\"hex\":\"0x1\",\"flags\":[\"FD_"
		"CLOEXEC\"]}"),
	     "fcntl(3, F_GETFD)                       = 0x1 (flags "
	     "FD_CLOEXEC)");
	LINE(SC("\"name\":\"poll\",\"args\":[[{\"struct\":{\"fd\":3,\"events\":"
		"{\"flags\":[\"POLLIN\"]}}}],1,1000],\"retval\":0,"
		"\"note\":\"Timeout\""),
	     "poll([{fd=3, events=POLLIN}], 1, 1000)  = 0 (Timeout)");
	LINE(SC("\"name\":\"getpid\",\"args\":[],\"retval\":42,"
		"\"injected\":true"),
	     "getpid()                                = 42 (INJECTED)");
	LINE(SC("\"name\":\"chdir\",\"args\":[\"/\"],\"retval\":-1,"
		"\"errno\":\"ENOENT\",\"strerror\":\"No such file or "
		"directory\","
		"\"injected\":true,\"delayed\":true"),
	     "chdir(\"/\")                              = -1 ENOENT "
	     "(No such file or directory) (INJECTED) (DELAYED)");
	LINE(SC("\"name\":\"clone\",\"args\":[{\"name\":\"child_stack\","
		"\"value\":{\"sym\":\"NULL\"}},{\"name\":\"flags\",\"value\":"
		"{\"flags\":[\"CLONE_CHILD_CLEARTID\",\"SIGCHLD\"]}}],"
		"\"retval\":43"),
	     "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD) = "
	     "43");
	LINE(SC("\"name\":\"accept\",\"args\":[3,{\"sym\":\"NULL\"},"
		"{\"in\":16,\"out\":4}],\"retval\":4"),
	     "accept(3, NULL, 16 => 4)                = 4");
	/* A line longer than the column gets one space. */
	LINE(SC("\"name\":\"execve\",\"args\":[\"/bin/true\",[\"true\"],"
		"{\"value\":{\"hex\":\"0x7ffd2c3b1e40\"},\"comment\":\"23 "
		"vars\"}],"
		"\"retval\":0"),
	     "execve(\"/bin/true\", [\"true\"], 0x7ffd2c3b1e40 /* 23 vars */) "
	     "= 0");
}

Test(render, unfinished_and_detached)
{
	/* strace had put out "read(0, " when the tracee went away. */
	LINE(SC("\"name\":\"read\",\"args\":[0],\"regs\":[\"0x0\",\"0x7ffd0\","
		"\"0x1000\"],\"retval\":null,\"unfinished\":true"),
	     "read(0,  <unfinished ...>)              = ?");
	/* Without regs, the table says how many arguments read takes. */
	LINE(SC("\"name\":\"read\",\"args\":[0],\"retval\":null,"
		"\"unfinished\":true"),
	     "read(0,  <unfinished ...>)              = ?");
	/* Everything printed on entry: no ", ". */
	LINE(SC("\"name\":\"select\",\"args\":[4,[3],{\"sym\":\"NULL\"},"
		"{\"sym\":\"NULL\"},{\"sym\":\"NULL\"}],\"retval\":null,"
		"\"unfinished\":true"),
	     "select(4, [3], NULL, NULL, NULL <unfinished ...>) = ?");
	LINE(SC("\"name\":\"pipe\",\"args\":[],\"regs\":[\"0x7ffd0\"],"
		"\"retval\":null,\"unfinished\":true"),
	     "pipe( <unfinished ...>)                 = ?");
	LINE(SC("\"name\":\"wait4\",\"args\":[-1],\"regs\":["
		"\"0xffffffffffffffff\","
		"\"0x7ffd0\",\"0x0\",\"0x0\"],\"retval\":null,\"detached\":"
		"true"),
	     "wait4(-1,  <detached ...>");
}

#define EV(type, rest)                          \
 "{\"type\":\"" type "\",\"lid\":1,\"pid\":42," \
 "\"tid\":42,\"time\":1.5" rest "}"

Test(render, event_lines)
{
	LINE(EV("signal",
		",\"signal\":\"SIGCHLD\",\"siginfo\":{\"struct\":{"
		"\"si_signo\":{\"sym\":\"SIGCHLD\"},\"si_code\":{\"sym\":"
		"\"CLD_EXITED\"},\"si_pid\":43,\"si_uid\":0,\"si_status\":0,"
		"\"si_utime\":0,\"si_stime\":0}}"),
	     "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=43, "
	     "si_uid=0, si_status=0, si_utime=0, si_stime=0} ---");
	LINE(EV("stop", ",\"signal\":\"SIGSTOP\""),
	     "--- stopped by SIGSTOP ---");
	LINE(EV("exit", ",\"status\":0"), "+++ exited with 0 +++");
	LINE(EV("killed", ",\"signal\":\"SIGSEGV\",\"core_dumped\":true"),
	     "+++ killed by SIGSEGV (core dumped) +++");
	LINE(EV("killed", ",\"signal\":\"SIGKILL\""),
	     "+++ killed by SIGKILL +++");
	LINE(EV("superseded", ",\"old_tid\":4243"),
	     "+++ superseded by execve in pid 4243 +++");
	LINE(EV("personality", ",\"bits\":32"),
	     "[ Process PID=42 runs in 32 bit mode. ]");
	LINE(EV("attach", ""), "(skip)");
	LINE(EV("detach", ""), "(skip)");
	LINE(EV("from_the_future", ""), "(skip)");
	LINE("{\"type\":\"header\",\"schema_version\":1}", "(skip)");
	LINE(EV("exit", ""), "an exit record without a status");
	LINE(EV("syscall", ""), "a syscall record without a name");
}

Test(render, the_column_counts_the_prefix)
{
	/* "1234  " is six columns of the forty. */
	cr_assert_str_eq(render_json(SC("\"name\":\"getpid\",\"args\":[],"
					"\"retval\":42"),
				     0, &plain, 6),
			 "getpid()                          = 42");
}
