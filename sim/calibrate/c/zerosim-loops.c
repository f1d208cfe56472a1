/*
 * zerosim-loops: the calibration loops of zerosim's MODEL.md ("Real machines", "Calibration") and
 * sim/calibrate/README.md, measured on this host with pthreads, printed as MEASUREMENTS.jsonl rows
 * (one JSON object a line).
 *
 *   clear         T threads, each clearing (memset 0) its own pre-faulted block in a loop, no lock
 *   clear-remote  every clear is of a block another thread cleared last, just before: T = 1, two
 *                 threads take turns on one block; T >= 2, T threads clear at once in rounds, thread i
 *                 clearing block (i + r) mod T in round r; only the memset calls are timed
 *   lock          T threads, each doing busy work then lock/unlock of one pthread mutex, empty critical
 *                 section; then (holdNs rows, T <= 2) busy work of holdNs inside the critical section
 *   fault         T threads first-touching fresh anonymous pages, one write per page
 *   alloc         T threads sharing a LIFO free list of 2 pre-faulted dirty blocks per thread, each
 *                 looping: work; lock; pop; clear if under-lock; unlock; clear if after-unlock; write
 *                 first and last byte; lock; push; unlock
 *
 * The whole plan runs P times (passes), round-robin; in each pass each measurement runs a warm-up, then
 * R repeats of a fixed wall time. A row's value is the median of its P x R repeats and "repeats" lists
 * them all, pass by pass, so host drift over the sitting hits every row alike, and a clear row is
 * measured near the alloc rows it explains. Rows are printed during the last pass. Thread t is pinned
 * to the t-th CPU this process may use (modulo their count; --no-pin leaves placement to the scheduler).
 * Each thread times itself, from the start to the end of its last operation, and does at least one, so
 * a rate is never empty. Build: cc -O2 -pthread -o zerosim-loops zerosim-loops.c
 * Usage: zerosim-loops [--quick] [--bench clear,clear-remote,lock,fault,alloc] [--threads 1,2]
 *                      [--duration-ms N] [--repeats N] [--passes N] [--warmup-ms N] [--no-pin]
 *                      [--host TEXT]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define MAX_LIST 64
#define MAX_THREADS 1024
#define MAX_ROWS 512
#define MAX_VALUES 256

typedef struct {
  long v[MAX_LIST];
  int n;
} list_t;

static struct {
  int quick;
  int benches; /* bit mask: 1 clear, 2 lock, 4 fault, 8 alloc, 16 clear-remote */
  list_t threads;
  long duration_ms;
  long warmup_ms;
  int repeats;
  int passes;
  int pin;
  const char *host;
} opt;

static long nproc_online;
static long page_bytes;
static double spin_iters_per_ns;
static char sitting_date[32];
static int pass;      /* the pass running, from 0 */
static int row_index; /* the measurement running within this pass */
static cpu_set_t usable_set;
static int usable_count;

/* What each row has gathered over the passes so far. */
typedef struct {
  double values[MAX_VALUES];
  int n;
  double spin[MAX_VALUES]; /* spin iterations per ns, one per pass */
  double load0[3];
} row_acc_t;
static row_acc_t *acc;

/* ---- time, spin work and the compiler barrier ---- */

static inline uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Tells the compiler the memory at p is read and written, so a clear before it cannot be dropped. */
static inline void clobber(void *p) { __asm__ volatile("" : : "r"(p) : "memory"); }

/* Busy work: a dependent chain the compiler cannot fold (the barrier hides x from it each step). */
static inline uint64_t spin(uint64_t iters) {
  uint64_t x = 88172645463325252ull;
  for (uint64_t i = 0; i < iters; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    __asm__ volatile("" : "+r"(x));
  }
  return x;
}

static volatile uint64_t spin_sink;

/*
 * Iterations of spin() per ns, measured against CLOCK_MONOTONIC: grow one run until it takes at least
 * the window (10 ms, 5 ms with --quick), then take the median rate of 5 such runs. The median, not the
 * fastest: the fastest run catches a moment of boost or of no competition, so the work asked for
 * would then take longer than asked whenever the core runs at its usual speed. Called before every
 * measurement, so a frequency change between measurements is followed; each row records the rate.
 */
static void calibrate_spin(void) {
  const uint64_t window_ns = opt.quick ? 5000000ull : 10000000ull;
  uint64_t iters = 1u << 16;
  spin_sink += spin(iters);
  for (;;) {
    uint64_t t0 = now_ns();
    spin_sink += spin(iters);
    if (now_ns() - t0 >= window_ns) break;
    iters *= 2;
  }
  double rates[5];
  for (int k = 0; k < 5; k++) {
    uint64_t t0 = now_ns();
    spin_sink += spin(iters);
    rates[k] = (double)iters / (double)(now_ns() - t0);
  }
  for (int i = 1; i < 5; i++)
    for (int j = i; j > 0 && rates[j - 1] > rates[j]; j--) {
      double t = rates[j];
      rates[j] = rates[j - 1];
      rates[j - 1] = t;
    }
  spin_iters_per_ns = rates[2];
}

static inline uint64_t work_iters(long work_ns) { return (uint64_t)(work_ns * spin_iters_per_ns + 0.5); }

/* ---- memory ---- */

static void *map_block(size_t bytes) {
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    fprintf(stderr, "zerosim-loops: mmap of %zu bytes failed: %s\n", bytes, strerror(errno));
    exit(1);
  }
  return p;
}

/* ---- a spinning barrier between the clear-remote rounds (its waits are not timed) ---- */

typedef struct {
  atomic_int arrived;
  atomic_int generation;
  atomic_int stop_here; /* set by the last to arrive: whether every thread stops after this round */
  int parties;
} spin_barrier_t;

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ volatile("yield");
#endif
}

/* ---- one measurement: T threads start together, run until stop, report their own rate ---- */

typedef struct measurement measurement_t;
typedef void (*body_fn)(measurement_t *m, int tid);

struct measurement {
  int threads;
  body_fn body;
  /* parameters */
  size_t block_bytes;
  long work_ns;
  long hold_ns; /* lock: busy work inside the critical section */
  int zero_at;  /* 0 under-lock, 1 after-unlock, 2 never */
  int turns;    /* clear-remote with threads 1: two threads take turns on one block */
  /* state shared by the threads */
  pthread_barrier_t ready;
  atomic_int stop;
  pthread_mutex_t mutex;
  void **free_list;
  int free_top;
  void **own_block; /* clear: one per thread; clear-remote: the blocks passed round */
  spin_barrier_t round; /* clear-remote: between rounds */
  /* per-thread results */
  double rate[MAX_THREADS]; /* bench-specific units per ns */
};

typedef struct {
  measurement_t *m;
  int tid;
} thread_arg_t;

/* Pins the calling thread to the tid-th CPU this process may use (modulo their count). */
static void pin_thread(int tid) {
  if (!opt.pin || usable_count < 1) return;
  int k = tid % usable_count;
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
    if (CPU_ISSET(cpu, &usable_set) && k-- == 0) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(cpu, &one);
      pthread_setaffinity_np(pthread_self(), sizeof one, &one);
      return;
    }
}

static void *thread_main(void *arg) {
  thread_arg_t *a = arg;
  pin_thread(a->tid);
  a->m->body(a->m, a->tid);
  return NULL;
}

/* Runs the body on T threads for duration_ms; returns the sum (or the mean) of their rates. */
static double run_once(measurement_t *m, long duration_ms, int mean_of_threads) {
  pthread_t tids[MAX_THREADS];
  thread_arg_t args[MAX_THREADS];
  atomic_store(&m->stop, 0);
  pthread_barrier_init(&m->ready, NULL, (unsigned)m->threads + 1);
  for (int t = 0; t < m->threads; t++) {
    args[t].m = m;
    args[t].tid = t;
    if (pthread_create(&tids[t], NULL, thread_main, &args[t]) != 0) {
      fprintf(stderr, "zerosim-loops: cannot start thread %d\n", t);
      exit(1);
    }
  }
  pthread_barrier_wait(&m->ready);
  struct timespec d = {duration_ms / 1000, (duration_ms % 1000) * 1000000L};
  while (nanosleep(&d, &d) != 0 && errno == EINTR) {
  }
  atomic_store(&m->stop, 1);
  double total = 0;
  for (int t = 0; t < m->threads; t++) {
    pthread_join(tids[t], NULL);
    total += m->rate[t];
  }
  pthread_barrier_destroy(&m->ready);
  return mean_of_threads ? total / m->threads : total;
}

static inline int stopped(measurement_t *m) { return atomic_load_explicit(&m->stop, memory_order_relaxed); }

/* clear: bytes per ns of this thread, from the barrier to the end of its last clear */
static void clear_body(measurement_t *m, int tid) {
  unsigned char *b = m->own_block[tid];
  uint64_t count = 0;
  pthread_barrier_wait(&m->ready);
  uint64_t t0 = now_ns();
  do {
    memset(b, 0, m->block_bytes);
    clobber(b);
    count++;
  } while (!stopped(m));
  m->rate[tid] = (double)count * (double)m->block_bytes / (double)(now_ns() - t0);
}

/*
 * Waits until every thread has finished the round; returns whether all stop now, as the last to arrive
 * decided (stopping only where `may_stop`), so no thread waits at a barrier the others left.
 */
static int round_barrier(measurement_t *m, int may_stop) {
  spin_barrier_t *b = &m->round;
  int gen = atomic_load_explicit(&b->generation, memory_order_acquire);
  if (atomic_fetch_add_explicit(&b->arrived, 1, memory_order_acq_rel) == b->parties - 1) {
    atomic_store_explicit(&b->arrived, 0, memory_order_relaxed);
    atomic_store_explicit(&b->stop_here, may_stop && stopped(m), memory_order_relaxed);
    atomic_store_explicit(&b->generation, gen + 1, memory_order_release);
  } else {
    /* yield now and then: with more threads than CPUs, the one that would arrive may be waiting for us */
    for (unsigned spins = 1; atomic_load_explicit(&b->generation, memory_order_acquire) == gen; spins++)
      if (spins % 4096 == 0) sched_yield();
      else cpu_relax();
  }
  return atomic_load_explicit(&b->stop_here, memory_order_relaxed);
}

/*
 * clear-remote: bytes per ns of this thread's own clears, each of a block another thread cleared in
 * the round before (with turns: thread r mod 2 clears the one block in round r). Only the memset calls
 * are timed. With turns, runs stop after an odd round, so both threads clear equally often.
 */
static void clear_remote_body(measurement_t *m, int tid) {
  uint64_t clear_ns = 0, count = 0;
  pthread_barrier_wait(&m->ready);
  for (long r = 0;; r++) {
    if (!m->turns || r % 2 == tid) {
      unsigned char *b = m->own_block[m->turns ? 0 : (tid + r) % m->threads];
      uint64_t t0 = now_ns();
      memset(b, 0, m->block_bytes);
      clobber(b);
      clear_ns += now_ns() - t0;
      count++;
    }
    if (round_barrier(m, !m->turns || r % 2 == 1)) break;
  }
  m->rate[tid] = (double)count * (double)m->block_bytes / (double)(clear_ns > 0 ? clear_ns : 1);
}

/* lock: acquisitions per ns of this thread */
static void lock_body(measurement_t *m, int tid) {
  uint64_t iters = work_iters(m->work_ns), count = 0, sink = 0;
  pthread_barrier_wait(&m->ready);
  uint64_t t0 = now_ns();
  do {
    sink += spin(iters);
    pthread_mutex_lock(&m->mutex);
    pthread_mutex_unlock(&m->mutex);
    count++;
  } while (!stopped(m));
  m->rate[tid] = (double)count / (double)(now_ns() - t0);
  spin_sink += sink;
}

/* lock with holdNs: acquisitions per ns of this thread, busy work of hold_ns inside the lock */
static void lock_held_body(measurement_t *m, int tid) {
  uint64_t iters = work_iters(m->work_ns), hold = work_iters(m->hold_ns), count = 0, sink = 0;
  pthread_barrier_wait(&m->ready);
  uint64_t t0 = now_ns();
  do {
    sink += spin(iters);
    pthread_mutex_lock(&m->mutex);
    sink += spin(hold);
    pthread_mutex_unlock(&m->mutex);
    count++;
  } while (!stopped(m));
  m->rate[tid] = (double)count / (double)(now_ns() - t0);
  spin_sink += sink;
}

/* fault: ns per page of this thread's touching (mmap and munmap of the chunks are not counted) */
#define FAULT_CHUNK_BYTES (64ul << 20)
static void fault_body(measurement_t *m, int tid) {
  uint64_t pages = 0, touch_ns = 0;
  pthread_barrier_wait(&m->ready);
  do {
    unsigned char *p = map_block(FAULT_CHUNK_BYTES);
    madvise(p, FAULT_CHUNK_BYTES, MADV_NOHUGEPAGE); /* one fault per base page, whatever THP says */
    uint64_t t0 = now_ns();
    size_t off = 0;
    while (off < FAULT_CHUNK_BYTES) {
      p[off] = 1;
      clobber(p + off);
      off += (size_t)page_bytes;
      if (stopped(m)) break;
    }
    touch_ns += now_ns() - t0;
    pages += off / (size_t)page_bytes;
    munmap(p, FAULT_CHUNK_BYTES);
  } while (!stopped(m));
  m->rate[tid] = pages > 0 ? (double)touch_ns / (double)pages : 0;
}

/* alloc: allocations per ns of this thread, over the shared LIFO free list */
static void alloc_body(measurement_t *m, int tid) {
  uint64_t iters = work_iters(m->work_ns), count = 0, sink = 0;
  size_t n = m->block_bytes;
  pthread_barrier_wait(&m->ready);
  uint64_t t0 = now_ns();
  do {
    sink += spin(iters);
    pthread_mutex_lock(&m->mutex);
    unsigned char *b = m->free_list[--m->free_top];
    if (m->zero_at == 0) {
      memset(b, 0, n);
      clobber(b);
    }
    pthread_mutex_unlock(&m->mutex);
    if (m->zero_at == 1) {
      memset(b, 0, n);
      clobber(b);
    }
    b[0] = 1;
    b[n - 1] = 1;
    clobber(b);
    pthread_mutex_lock(&m->mutex);
    m->free_list[m->free_top++] = b;
    pthread_mutex_unlock(&m->mutex);
    count++;
  } while (!stopped(m));
  m->rate[tid] = (double)count / (double)(now_ns() - t0);
  spin_sink += sink;
}

/* ---- repeats, median, output ---- */

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void read_loadavg(double out[3]) {
  out[0] = out[1] = out[2] = -1;
  FILE *f = fopen("/proc/loadavg", "r");
  if (f == NULL) return;
  if (fscanf(f, "%lf %lf %lf", &out[0], &out[1], &out[2]) != 3) out[0] = out[1] = out[2] = -1;
  fclose(f);
}

static void print_json_string(const char *s) {
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') printf("\\%c", *s);
    else if ((unsigned char)*s < 0x20) printf("\\u%04x", *s);
    else putchar(*s);
  }
  putchar('"');
}

static double quantile(const double *sorted, int n, double q) {
  double pos = q * (n - 1);
  int i = (int)pos;
  return i + 1 < n ? sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

/*
 * Runs warm-up and repeats, adding them to this row's values; on the last pass prints the row. `fields`
 * is the row's own JSON (bench and parameters, without braces); `key` names the value; `scale` turns
 * the threads' summed rates per ns into the value, or with `mean` set, their mean (fault reports ns
 * per page per thread). Extra fields: the passes, the quartiles of the repeats and each pass's median.
 */
static void measure(measurement_t *m, const char *fields, const char *key, double scale, int mean) {
  if (row_index >= MAX_ROWS) {
    fprintf(stderr, "zerosim-loops: more than %d measurements\n", MAX_ROWS);
    exit(1);
  }
  row_acc_t *a = &acc[row_index++];
  if (pass == 0) read_loadavg(a->load0);
  calibrate_spin();
  a->spin[pass] = spin_iters_per_ns;
  run_once(m, opt.warmup_ms, mean);
  for (int r = 0; r < opt.repeats; r++) a->values[a->n++] = run_once(m, opt.duration_ms, mean) * scale;
  if (pass < opt.passes - 1) return;
  double load1[3], sorted[MAX_VALUES], spins[MAX_VALUES];
  read_loadavg(load1);
  memcpy(sorted, a->values, sizeof(double) * (size_t)a->n);
  qsort(sorted, (size_t)a->n, sizeof(double), cmp_double);
  memcpy(spins, a->spin, sizeof(double) * (size_t)opt.passes);
  qsort(spins, (size_t)opt.passes, sizeof(double), cmp_double);
  printf("{%s,\"%s\":%.6g,\"harness\":\"c\",\"repeats\":[", fields, key, quantile(sorted, a->n, 0.5));
  for (int r = 0; r < a->n; r++) printf("%s%.6g", r ? "," : "", a->values[r]);
  printf("],\"passes\":%d,\"repeatsPerPass\":%d,\"q1\":%.6g,\"q3\":%.6g,\"passMedians\":[", opt.passes,
         opt.repeats, quantile(sorted, a->n, 0.25), quantile(sorted, a->n, 0.75));
  for (int p = 0; p < opt.passes; p++) {
    double one[MAX_VALUES];
    memcpy(one, a->values + p * opt.repeats, sizeof(double) * (size_t)opt.repeats);
    qsort(one, (size_t)opt.repeats, sizeof(double), cmp_double);
    printf("%s%.6g", p ? "," : "", quantile(one, opt.repeats, 0.5));
  }
  printf("],\"pinned\":%s,\"durationNs\":%ld,\"warmupNs\":%ld,\"nproc\":%ld,\"spinItersPerNs\":%.6g,"
         "\"loadavgStart\":[%.2f,%.2f,%.2f],\"loadavgEnd\":[%.2f,%.2f,%.2f],\"date\":\"%s\"",
         opt.pin ? "true" : "false", opt.duration_ms * 1000000L, opt.warmup_ms * 1000000L, nproc_online,
         quantile(spins, opt.passes, 0.5), a->load0[0], a->load0[1], a->load0[2], load1[0], load1[1],
         load1[2], sitting_date);
  if (opt.host != NULL) {
    printf(",\"host\":");
    print_json_string(opt.host);
  }
  printf("}\n");
  fflush(stdout);
}

/* ---- the benches ---- */

/* The block sizes of clear and clear-remote; returns how many. */
static int clear_sizes(const long **sizes) {
  static const long full[] = {64l << 10, 256l << 10, 1l << 20, 4l << 20, 16l << 20, 64l << 20, 256l << 20};
  static const long quick[] = {64l << 10, 1l << 20, 16l << 20, 256l << 20};
  *sizes = opt.quick ? quick : full;
  return opt.quick ? 4 : 7;
}

static void bench_clear(void) {
  const long *sizes;
  int nsizes = clear_sizes(&sizes);
  for (int s = 0; s < nsizes; s++) {
    for (int ti = 0; ti < opt.threads.n; ti++) {
      measurement_t *m = calloc(1, sizeof *m);
      m->threads = (int)opt.threads.v[ti];
      m->body = clear_body;
      m->block_bytes = (size_t)sizes[s];
      m->own_block = calloc((size_t)m->threads, sizeof(void *));
      for (int t = 0; t < m->threads; t++) {
        m->own_block[t] = map_block(m->block_bytes);
        memset(m->own_block[t], 1, m->block_bytes); /* pre-fault */
      }
      char fields[256];
      snprintf(fields, sizeof fields, "\"bench\":\"clear\",\"blockBytes\":%ld,\"threads\":%d", sizes[s],
               m->threads);
      measure(m, fields, "gbPerSec", 1.0, 0); /* bytes per ns = GB per s */
      for (int t = 0; t < m->threads; t++) munmap(m->own_block[t], m->block_bytes);
      free(m->own_block);
      free(m);
    }
  }
}

/* The CPUs this process may run on (its affinity mask, as taskset sets it): at most those online. */
static long usable_cpus(void) { return usable_count > 0 ? usable_count : nproc_online; }

static void bench_clear_remote(void) {
  long cpus = usable_cpus();
  if (cpus < 2) { /* two threads taking turns on one CPU would clear a block this core wrote */
    if (pass > 0) return;
    fprintf(stderr, "zerosim-loops: clear-remote skipped: it needs 2 CPUs and this process may use %ld\n",
            cpus);
    return;
  }
  const long *sizes;
  int nsizes = clear_sizes(&sizes);
  for (int s = 0; s < nsizes; s++) {
    for (int ti = 0; ti < opt.threads.n; ti++) {
      int threads = (int)opt.threads.v[ti];
      measurement_t *m = calloc(1, sizeof *m);
      m->turns = threads == 1;
      m->threads = m->turns ? 2 : threads;
      m->round.parties = m->threads;
      m->body = clear_remote_body;
      m->block_bytes = (size_t)sizes[s];
      int nblocks = m->turns ? 1 : threads;
      m->own_block = calloc((size_t)nblocks, sizeof(void *));
      for (int b = 0; b < nblocks; b++) {
        m->own_block[b] = map_block(m->block_bytes);
        memset(m->own_block[b], 1, m->block_bytes); /* pre-fault */
      }
      char fields[256];
      snprintf(fields, sizeof fields,
               "\"bench\":\"clear-remote\",\"blockBytes\":%ld,\"threads\":%d,\"osThreads\":%d", sizes[s],
               threads, m->threads);
      /* with turns one thread clears at a time: the value is the mean of the two threads' rates */
      measure(m, fields, "gbPerSec", 1.0, m->turns);
      for (int b = 0; b < nblocks; b++) munmap(m->own_block[b], m->block_bytes);
      free(m->own_block);
      free(m);
    }
  }
}

static void bench_lock(void) {
  static const long full[] = {0, 100, 1000, 10000};
  static const long quick[] = {0, 1000};
  const long *works = opt.quick ? quick : full;
  int nworks = opt.quick ? 2 : 4;
  for (int w = 0; w < nworks; w++) {
    for (int ti = 0; ti < opt.threads.n; ti++) {
      measurement_t *m = calloc(1, sizeof *m);
      m->threads = (int)opt.threads.v[ti];
      m->body = lock_body;
      m->work_ns = works[w];
      pthread_mutex_init(&m->mutex, NULL);
      char fields[256];
      snprintf(fields, sizeof fields, "\"bench\":\"lock\",\"threads\":%d,\"workNs\":%ld,\"mutex\":\"pthread\"",
               m->threads, works[w]);
      measure(m, fields, "opsPerSec", 1e9, 0);
      pthread_mutex_destroy(&m->mutex);
      free(m);
    }
  }
  /* busy work inside the lock: a waiter sleeps in the futex, so each hand-off pays its wake-up */
  static const long holds[] = {1000, 10000};
  static const long held_full[] = {0, 2000, 10000};
  static const long held_quick[] = {0, 2000};
  const long *held_works = opt.quick ? held_quick : held_full;
  int nheld = opt.quick ? 2 : 3;
  for (int h = 0; h < 2; h++) {
    for (int w = 0; w < nheld; w++) {
      for (int ti = 0; ti < opt.threads.n; ti++) {
        if (opt.threads.v[ti] > 2) continue;
        measurement_t *m = calloc(1, sizeof *m);
        m->threads = (int)opt.threads.v[ti];
        m->body = lock_held_body;
        m->work_ns = held_works[w];
        m->hold_ns = holds[h];
        pthread_mutex_init(&m->mutex, NULL);
        char fields[256];
        snprintf(fields, sizeof fields,
                 "\"bench\":\"lock\",\"threads\":%d,\"workNs\":%ld,\"holdNs\":%ld,\"mutex\":\"pthread\"",
                 m->threads, held_works[w], holds[h]);
        measure(m, fields, "opsPerSec", 1e9, 0);
        pthread_mutex_destroy(&m->mutex);
        free(m);
      }
    }
  }
}

static void bench_fault(void) {
  for (int ti = 0; ti < opt.threads.n; ti++) {
    measurement_t *m = calloc(1, sizeof *m);
    m->threads = (int)opt.threads.v[ti];
    m->body = fault_body;
    char fields[256];
    snprintf(fields, sizeof fields, "\"bench\":\"fault\",\"pageBytes\":%ld,\"threads\":%d,\"chunkBytes\":%lu",
             page_bytes, m->threads, FAULT_CHUNK_BYTES);
    measure(m, fields, "nsPerPage", 1.0, 1);
    free(m);
  }
}

static void bench_alloc(void) {
  static const long full_sizes[] = {64l << 10, 1l << 20, 16l << 20};
  static const long quick_sizes[] = {64l << 10, 1l << 20};
  static const long full_works[] = {0, 2000, 10000};
  static const long quick_works[] = {0, 2000};
  static const char *zero_names[] = {"under-lock", "after-unlock", "never"};
  const long *sizes = opt.quick ? quick_sizes : full_sizes;
  const long *works = opt.quick ? quick_works : full_works;
  int nsizes = opt.quick ? 2 : 3, nworks = opt.quick ? 2 : 3;
  for (int s = 0; s < nsizes; s++) {
    for (int z = 0; z < 3; z++) {
      for (int w = 0; w < nworks; w++) {
        for (int ti = 0; ti < opt.threads.n; ti++) {
          measurement_t *m = calloc(1, sizeof *m);
          m->threads = (int)opt.threads.v[ti];
          m->body = alloc_body;
          m->block_bytes = (size_t)sizes[s];
          m->work_ns = works[w];
          m->zero_at = z;
          pthread_mutex_init(&m->mutex, NULL);
          int nblocks = 2 * m->threads;
          m->free_list = calloc((size_t)nblocks, sizeof(void *));
          for (int b = 0; b < nblocks; b++) {
            m->free_list[b] = map_block(m->block_bytes);
            memset(m->free_list[b], 0xA5, m->block_bytes); /* pre-faulted and dirty */
          }
          m->free_top = nblocks;
          char fields[256];
          snprintf(fields, sizeof fields,
                   "\"bench\":\"alloc\",\"blockBytes\":%ld,\"threads\":%d,\"workNs\":%ld,\"zeroAt\":\"%s\","
                   "\"mutex\":\"pthread\"",
                   sizes[s], m->threads, works[w], zero_names[z]);
          measure(m, fields, "allocsPerSec", 1e9, 0);
          for (int b = 0; b < nblocks; b++) munmap(m->free_list[b], m->block_bytes);
          free(m->free_list);
          pthread_mutex_destroy(&m->mutex);
          free(m);
        }
      }
    }
  }
}

/* ---- flags ---- */

static void usage(const char *why) {
  fprintf(stderr,
          "zerosim-loops: %s\nusage: zerosim-loops [--quick] [--bench clear,clear-remote,lock,fault,alloc]"
          " [--threads 1,2,...] [--duration-ms N] [--warmup-ms N] [--repeats N] [--passes N] [--no-pin] [--host TEXT]\n",
          why);
  exit(2);
}

static long parse_long(const char *s, const char *flag, long min, long max) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || v < min || v > max) {
    char msg[200];
    snprintf(msg, sizeof msg, "%s: bad value '%s' (an integer from %ld to %ld)", flag, s, min, max);
    usage(msg);
  }
  return v;
}

static void parse_list(const char *s, list_t *out, const char *flag) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s", s);
  out->n = 0;
  for (char *tok = strtok(buf, ","); tok != NULL; tok = strtok(NULL, ",")) {
    if (out->n == MAX_LIST) usage("too many list items");
    out->v[out->n++] = parse_long(tok, flag, 1, MAX_THREADS);
  }
  if (out->n == 0) usage("empty list");
}

static void parse_benches(const char *s) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", s);
  opt.benches = 0;
  for (char *tok = strtok(buf, ","); tok != NULL; tok = strtok(NULL, ",")) {
    if (strcmp(tok, "clear") == 0) opt.benches |= 1;
    else if (strcmp(tok, "clear-remote") == 0) opt.benches |= 16;
    else if (strcmp(tok, "lock") == 0) opt.benches |= 2;
    else if (strcmp(tok, "fault") == 0) opt.benches |= 4;
    else if (strcmp(tok, "alloc") == 0) opt.benches |= 8;
    else {
      char msg[300];
      snprintf(msg, sizeof msg, "--bench: unknown bench '%s' (clear, clear-remote, lock, fault or alloc)",
               tok);
      usage(msg);
    }
  }
}

int main(int argc, char **argv) {
  nproc_online = sysconf(_SC_NPROCESSORS_ONLN);
  page_bytes = sysconf(_SC_PAGESIZE);
  if (nproc_online < 1) nproc_online = 1;
  if (page_bytes < 1) page_bytes = 4096;
  opt.benches = 31;
  opt.repeats = 5;
  opt.pin = 1;
  long duration = -1, warmup = -1, repeats = -1, passes = -1;
  const char *threads = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--quick") == 0) opt.quick = 1;
    else if (strcmp(a, "--no-pin") == 0) opt.pin = 0;
    else if (v == NULL && strncmp(a, "--", 2) == 0) {
      char msg[200];
      snprintf(msg, sizeof msg, "%s: missing value", a);
      usage(msg);
    } else if (strcmp(a, "--bench") == 0) parse_benches(argv[++i]);
    else if (strcmp(a, "--threads") == 0) threads = argv[++i];
    else if (strcmp(a, "--duration-ms") == 0) duration = parse_long(argv[++i], a, 1, 600000);
    else if (strcmp(a, "--warmup-ms") == 0) warmup = parse_long(argv[++i], a, 1, 600000);
    else if (strcmp(a, "--repeats") == 0) repeats = parse_long(argv[++i], a, 1, 63);
    else if (strcmp(a, "--passes") == 0) passes = parse_long(argv[++i], a, 1, 63);
    else if (strcmp(a, "--host") == 0) opt.host = argv[++i];
    else {
      char msg[200];
      snprintf(msg, sizeof msg, "unknown argument '%s'", a);
      usage(msg);
    }
  }
  opt.duration_ms = duration > 0 ? duration : opt.quick ? 50 : 100;
  opt.warmup_ms = warmup > 0 ? warmup : opt.duration_ms / 2 > 1 ? opt.duration_ms / 2 : 1;
  opt.repeats = repeats > 0 ? (int)repeats : opt.quick ? 3 : 2;
  opt.passes = passes > 0 ? (int)passes : opt.quick ? 1 : 5;
  if (opt.passes * opt.repeats > MAX_VALUES) usage("--passes times --repeats is more than 256");
  if (sched_getaffinity(0, sizeof usable_set, &usable_set) == 0) usable_count = CPU_COUNT(&usable_set);
  acc = calloc(MAX_ROWS, sizeof *acc);
  if (threads != NULL) parse_list(threads, &opt.threads, "--threads");
  else {
    opt.threads.n = 0;
    for (long t = 1; t <= nproc_online && t <= MAX_LIST; t++) opt.threads.v[opt.threads.n++] = t;
  }
  time_t wall = time(NULL);
  strftime(sitting_date, sizeof sitting_date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&wall));
  for (pass = 0; pass < opt.passes; pass++) {
    row_index = 0;
    if (opt.benches & 1) bench_clear();
    if (opt.benches & 16) bench_clear_remote();
    if (opt.benches & 2) bench_lock();
    if (opt.benches & 4) bench_fault();
    if (opt.benches & 8) bench_alloc();
  }
  return 0;
}
