// Cost of one malloc+free pair, timed in C so nothing else is measured.
// Built twice by scripts/measure-interposer.sh: once plain (glibc's malloc), once linked
// with Sources/CAllocCounter/CAllocCounter.c (the counting interposer).
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PAIRS 20000000L

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void *churn(void *unused) {
    (void)unused;
    for (long i = 0; i < PAIRS; i++) {
        void *volatile p = malloc(64);
        free(p);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 1;
    pthread_t ids[16];
    double start = now();
    for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, churn, NULL);
    for (int i = 0; i < threads; i++) pthread_join(ids[i], NULL);
    double elapsed = now() - start;
    printf("%.2f\n", elapsed / PAIRS);  // ns per pair per thread (wall clock)
    return 0;
}
