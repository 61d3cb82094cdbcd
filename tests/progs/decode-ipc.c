/*
 * IPC: SysV shared memory, semaphores and message queues, POSIX message
 * queues.  Prints the trace lines it expects between the markers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "expect.h"

static char *bad;

static const char *perm(const struct ipc_perm *p)
{
	static char buf[256];

	snprintf(buf, sizeof(buf),
		 "{uid=%u, gid=%u, mode=%#03o, key=%u, "
		 "cuid=%u, cgid=%u}",
		 p->uid, p->gid, p->mode, (unsigned int)p->__key, p->cuid,
		 p->cgid);
	return buf;
}

static void shm(void)
{
	struct shmid_ds ds;
	void *a;
	long rc;
	int id;

	id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL | 0600);
	expect("shmget(IPC_PRIVATE, 4096, IPC_CREAT|IPC_EXCL|0600) = %d", id);
	rc = shmget(0x7c7c7c7c, 4096, 0);
	expect("shmget(0x7c7c7c7c, 4096, 000) = %s", res(rc, errno));
	a = shmat(id, NULL, SHM_RDONLY);
	expect("shmat(%d, NULL, SHM_RDONLY) = %p", id, a);
	rc = shmctl(id, IPC_STAT, &ds);
	expect("shmctl(%d, IPC_STAT, {shm_perm=%s, shm_segsz=%zu, shm_cpid=%d, "
	       "shm_lpid=%d, shm_nattch=%lu, shm_atime=%ld, shm_dtime=%ld, "
	       "shm_ctime=%ld}) = %ld",
	       id, perm(&ds.shm_perm), ds.shm_segsz, ds.shm_cpid, ds.shm_lpid,
	       (unsigned long)ds.shm_nattch, (long)ds.shm_atime,
	       (long)ds.shm_dtime, (long)ds.shm_ctime, rc);
	rc = shmdt(a);
	expect("shmdt(%p) = %ld", a, rc);
	rc = shmctl(id, IPC_SET, &ds);
	expect("shmctl(%d, IPC_SET, {shm_perm={uid=%u, gid=%u, mode=%#03o}}) = "
	       "%ld",
	       id, ds.shm_perm.uid, ds.shm_perm.gid, ds.shm_perm.mode, rc);
	rc = shmctl(id, 99, NULL);
	expect("shmctl(%d, 0x63 /* SHM_??? */, NULL) = %s", id, res(rc, errno));
	rc = syscall(SYS_shmctl, id, IPC_STAT | 0x100, bad);
	expect("shmctl(%d, IPC_64|IPC_STAT, %p) = %s", id, bad, res(rc, errno));
	rc = shmctl(id, IPC_RMID, NULL);
	expect("shmctl(%d, IPC_RMID, NULL) = %ld", id, rc);
}

static void sem(void)
{
	struct sembuf ops[2] = { { 0, 1, 0 },
				 { 1, -1, IPC_NOWAIT | SEM_UNDO } };
	struct timespec ts = { 0, 1000 };
	struct semid_ds ds;
	long rc;
	int id;

	id = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
	expect("semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = %d", id);
	rc = syscall(SYS_semop, id, ops, 1);
	expect("semop(%d, [{sem_num=0, sem_op=1, sem_flg=0}], 1) = %ld", id,
	       rc);
	rc = syscall(SYS_semtimedop, id, ops + 1, 1, &ts);
	expect("semtimedop(%d, [{sem_num=1, sem_op=-1, sem_flg=SEM_UNDO|"
	       "IPC_NOWAIT}], 1, {tv_sec=0, tv_nsec=1000}) = %s",
	       id, res(rc, errno));
	rc = syscall(SYS_semop, id, bad, 1);
	expect("semop(%d, %p, 1) = %s", id, bad, res(rc, errno));
	rc = syscall(SYS_semctl, id, 0, GETVAL, 0);
	expect("semctl(%d, 0, GETVAL, NULL) = %ld", id, rc);
	rc = syscall(SYS_semctl, id, 1, SETVAL, 5);
	expect("semctl(%d, 1, SETVAL, 0x5) = %ld", id, rc);
	rc = syscall(SYS_semctl, id, 0, IPC_STAT, &ds);
	expect("semctl(%d, 0, IPC_STAT, {sem_perm=%s, sem_otime=%ld, "
	       "sem_ctime=%ld, sem_nsems=%lu}) = %ld",
	       id, perm(&ds.sem_perm), (long)ds.sem_otime, (long)ds.sem_ctime,
	       (unsigned long)ds.sem_nsems, rc);
	rc = syscall(SYS_semctl, id, 0, IPC_RMID, 0);
	expect("semctl(%d, 0, IPC_RMID, NULL) = %ld", id, rc);
}

static void msg(void)
{
	struct {
		long mtype;
		char mtext[8];
	} m = { 1, "hi" };
	struct msqid_ds ds;
	long rc;
	int id;

	id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	expect("msgget(IPC_PRIVATE, IPC_CREAT|0600) = %d", id);
	rc = msgsnd(id, &m, 3, 0);
	expect("msgsnd(%d, {mtype=1, mtext=\"hi\\0\"}, 3, 0) = %ld", id, rc);
	rc = msgrcv(id, &m, 8, 0, IPC_NOWAIT);
	expect("msgrcv(%d, {mtype=1, mtext=\"hi\\0\\0\\0\\0\\0\\0\"}, 8, 0, "
	       "IPC_NOWAIT) = %ld",
	       id, rc);
	rc = msgrcv(id, &m, 8, 5, IPC_NOWAIT | MSG_EXCEPT);
	expect("msgrcv(%d, %p, 8, 5, MSG_EXCEPT|IPC_NOWAIT) = %s", id,
	       (void *)&m, res(rc, errno));
	rc = msgctl(id, IPC_STAT, &ds);
	expect("msgctl(%d, IPC_STAT, {msg_perm=%s, msg_stime=%ld, "
	       "msg_rtime=%ld, msg_ctime=%ld, msg_qnum=%lu, msg_qbytes=%lu, "
	       "msg_lspid=%d, msg_lrpid=%d}) = %ld",
	       id, perm(&ds.msg_perm), (long)ds.msg_stime, (long)ds.msg_rtime,
	       (long)ds.msg_ctime, (unsigned long)ds.msg_qnum,
	       (unsigned long)ds.msg_qbytes, ds.msg_lspid, ds.msg_lrpid, rc);
	rc = msgctl(id, IPC_RMID, NULL);
	expect("msgctl(%d, IPC_RMID, NULL) = %ld", id, rc);
}

static void mq(const char *name)
{
	struct mq_attr at, old;
	struct timespec ts = { 0, 1000 };
	struct sigevent sev;
	unsigned int prio;
	char buf[16];
	long rc;
	mqd_t q;

	memset(&at, 0, sizeof(at));
	at.mq_maxmsg = 4;
	at.mq_msgsize = 16;
	q = mq_open(name, O_CREAT | O_RDWR, 0600, &at);
	expect("mq_open(\"%s\", O_RDWR|O_CREAT, 0600, {mq_flags=0, "
	       "mq_maxmsg=4, "
	       "mq_msgsize=16, mq_curmsgs=0}) = %s",
	       name + 1, res(q, errno));
	rc = mq_open("/sctrace-no-such-queue", O_RDONLY);
	expect("mq_open(\"sctrace-no-such-queue\", O_RDONLY) = %s",
	       res(rc, errno));
	if (q < 0)
		return;
	rc = mq_send(q, "abc", 3, 1);
	expect("mq_timedsend(%d, \"abc\", 3, 1, NULL) = %ld", q, rc);
	rc = mq_receive(q, buf, sizeof(buf), &prio);
	expect("mq_timedreceive(%d, \"abc\", 16, [1], NULL) = %ld", q, rc);
	rc = mq_timedreceive(q, buf, sizeof(buf), NULL, &ts);
	expect("mq_timedreceive(%d, %p, 16, NULL, {tv_sec=0, tv_nsec=1000}) = "
	       "%s",
	       q, (void *)buf, res(rc, errno));
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	rc = mq_notify(q, &sev);
	expect("mq_notify(%d, {sigev_signo=SIGUSR1, "
	       "sigev_notify=SIGEV_SIGNAL}) "
	       "= %ld",
	       q, rc);
	rc = mq_notify(q, NULL);
	expect("mq_notify(%d, NULL) = %ld", q, rc);
	rc = mq_getattr(q, &old);
	expect("mq_getsetattr(%d, NULL, {mq_flags=0, mq_maxmsg=4, "
	       "mq_msgsize=16, mq_curmsgs=0}) = %ld",
	       q, rc);
	at.mq_flags = O_NONBLOCK;
	rc = mq_setattr(q, &at, &old);
	expect("mq_getsetattr(%d, {mq_flags=O_NONBLOCK, mq_maxmsg=4, "
	       "mq_msgsize=16, mq_curmsgs=0}, {mq_flags=0, mq_maxmsg=4, "
	       "mq_msgsize=16, mq_curmsgs=0}) = %ld",
	       q, rc);
	close(q);
	expect("close(%d) = 0", q);
	rc = mq_unlink(name);
	expect("mq_unlink(\"%s\") = %ld", name + 1, rc);
}

int main(void)
{
	char name[64];

	bad = unmapped_page();
	snprintf(name, sizeof(name), "/sctrace-decode-ipc-%d", getpid());

	marker_begin();
	shm();
	sem();
	msg();
	mq(name);
	marker_end();
	return 0;
}
