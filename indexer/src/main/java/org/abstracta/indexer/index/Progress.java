package org.abstracta.indexer.index;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over the bytes of input read (indexing) or the papers done (embedding), or nothing
 * when progress is not shown.
 */
public final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress create(boolean enabled, long totalBytes) {
    return enabled
        ? new Progress(bar("Indexing", Math.max(1, totalBytes / 1024), " MiB", 1024))
        : none();
  }

  /** A bar over {@code total} items of a task, such as papers embedded. */
  public static Progress items(boolean enabled, String task, long total, String unit) {
    return enabled ? new Progress(bar(task, total, unit, 1)) : none();
  }

  private static Progress none() {
    return new Progress(null);
  }

  private static ProgressBar bar(String task, long max, String unit, long unitSize) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setUnit(unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .continuousUpdate()
        .build();
  }

  void advance(long bytes) {
    if (bar != null) bar.stepBy(bytes / 1024);
  }

  /** Counts {@code n} more items done. */
  public void step(long n) {
    if (bar != null) bar.stepBy(n);
  }

  /** Counts the raw (compressed) bytes read from {@code in} into the bar. */
  InputStream track(InputStream in) {
    if (bar == null) return in;
    return new FilterInputStream(in) {
      private long pending;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) count(n);
        return n;
      }

      private void count(long n) {
        pending += n;
        if (pending >= 1024) {
          bar.stepBy(pending / 1024);
          pending %= 1024;
        }
      }
    };
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
  }
}
