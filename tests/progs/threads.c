/* T threads making N getppid calls each; exits 0 if all joined. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long n;

static void *worker(void *arg)
{
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return arg;
}

int main(int argc, char **argv)
{
	int t = argc > 1 ? atoi(argv[1]) : 8;
	pthread_t tid[64];

	n = argc > 2 ? atol(argv[2]) : 10000;
	if (t < 1 || t > 64)
		return 2;
	for (int i = 0; i < t; i++)
		if (pthread_create(&tid[i], NULL, worker, NULL))
			return 3;
	for (int i = 0; i < t; i++)
		if (pthread_join(tid[i], NULL))
			return 4;
	return 0;
}
