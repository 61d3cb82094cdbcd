/*
 * An attach target: THREADS threads each do ROUNDS rounds of syscalls
 * (pipe round trips, short sleeps) and add up what they read.  Prints the
 * total and exits 7 if it is right, so a tracer that lost or changed
 * anything shows.  Writes "ready" to stdout once all threads run.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long rounds;

static void *worker(void *arg)
{
	long sum = 0;
	int p[2];

	if (pipe(p))
		return NULL;
	for (long i = 0; i < rounds; i++) {
		struct timespec ts = { 0, 200000 };
		long v = i, r = 0;

		if (write(p[1], &v, sizeof(v)) != sizeof(v) ||
		    read(p[0], &r, sizeof(r)) != sizeof(r))
			break;
		sum += r;
		nanosleep(&ts, NULL);
	}
	close(p[0]);
	close(p[1]);
	*(long *)arg = sum;
	return arg;
}

int main(int argc, char **argv)
{
	int t = argc > 1 ? atoi(argv[1]) : 4;
	long sums[16] = { 0 }, total = 0, want;
	pthread_t tid[16];

	rounds = argc > 2 ? atol(argv[2]) : 2000;
	if (t < 1 || t > 16)
		return 2;
	for (int i = 0; i < t; i++)
		pthread_create(&tid[i], NULL, worker, &sums[i]);
	printf("ready\n");
	fflush(stdout);
	for (int i = 0; i < t; i++) {
		pthread_join(tid[i], NULL);
		total += sums[i];
	}
	want = t * (rounds * (rounds - 1) / 2);
	printf("total %ld\n", total);
	return total == want ? 7 : 1;
}
