package org.abstracta.bench;

import java.util.Arrays;

/** Latencies of one series of calls, in nanoseconds, and their percentiles. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int n;

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
