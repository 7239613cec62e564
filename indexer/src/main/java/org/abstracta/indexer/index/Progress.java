package org.abstracta.indexer.index;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over the bytes of input read, or nothing when progress is not shown. */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress create(boolean enabled, long totalBytes) {
    if (!enabled) return new Progress(null);
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Indexing")
            .setInitialMax(Math.max(1, totalBytes / 1024))
            .setUnit(" MiB", 1024)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .continuousUpdate()
            .build();
    return new Progress(bar);
  }

  void advance(long bytes) {
    if (bar != null) bar.stepBy(bytes / 1024);
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
