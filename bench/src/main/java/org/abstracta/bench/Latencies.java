package org.abstracta.bench;

import java.util.Arrays;
import java.util.List;

/** Latencies of one series of calls, in nanoseconds, and their percentiles. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int n;

  /**
   * Runs {@code calls} {@code warmup} times untimed, then {@code passes} times, each call timed.
   */
  static Latencies of(List<Runnable> calls, int warmup, int passes) {
    for (int p = 0; p < warmup; p++) calls.forEach(Runnable::run);
    Latencies l = new Latencies();
    for (int p = 0; p < passes; p++) {
      for (Runnable call : calls) {
        long t0 = System.nanoTime();
        call.run();
        l.add(System.nanoTime() - t0);
      }
    }
    return l;
  }

  void add(long ns) {
    if (n == nanos.length) nanos = Arrays.copyOf(nanos, n * 2);
    nanos[n++] = ns;
  }

  int count() {
    return n;
  }

  /** The {@code p}-th percentile (nearest rank) in milliseconds. */
  double percentileMs(double p) {
    if (n == 0) return Double.NaN;
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
  }

  /** Sum of all latencies in seconds. */
  double totalSeconds() {
    long sum = 0;
    for (int i = 0; i < n; i++) sum += nanos[i];
    return sum / 1e9;
  }
}
