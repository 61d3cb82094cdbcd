/* -k: the system call is made by a library the program is linked with. */
int lib_level1(const char *path);

int main(void)
{
	lib_level1("/sctrace-stack-marker");
	return 0;
}
