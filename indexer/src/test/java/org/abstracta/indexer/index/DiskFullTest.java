package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A disk that fills up (or fails) in the middle of a run, at each step of writing an index: the run
 * fails with exit code 4 and one line naming the index and the cause, the previous commit is intact
 * and readable, and the next run without the fault completes.
 */
class DiskFullTest {
  @TempDir Path tmp;

  private static final String DISK_FULL = "No space left on device";

  /** Where the fault strikes. */
  enum Fault {
    /** Writing a segment: after 4 KiB of this run's output. */
    WRITE,
    /** Creating the third file of this run. */
    CREATE,
    /** The commit's fsync of the new files. */
    SYNC,
    /** The commit's last step: the rename that publishes the new segments file. */
    PUBLISH
  }

  /** Index storage that fails as {@code fault} says, like a file system out of space. */
  static final class FailingDirectory extends FilterDirectory {
    private final Fault fault;
    private final AtomicLong written = new AtomicLong();
    private final AtomicInteger created = new AtomicInteger();

    FailingDirectory(Directory in, Fault fault) {
      super(in);
      this.fault = fault;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
      if (fault == Fault.CREATE && created.incrementAndGet() == 3) throw new IOException(DISK_FULL);
      return counted(super.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
        throws IOException {
      return counted(super.createTempOutput(prefix, suffix, context));
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      if (fault == Fault.SYNC) throw new IOException(DISK_FULL);
      super.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
      if (fault == Fault.PUBLISH) throw new IOException(DISK_FULL);
      super.rename(source, dest);
    }

    private IndexOutput counted(IndexOutput out) {
      if (fault != Fault.WRITE) return out;
      return new FilterIndexOutput("failing " + out, out.getName(), out) {
        @Override
        public void writeByte(byte b) throws IOException {
          spend(1);
          super.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
          spend(length);
          super.writeBytes(b, offset, length);
        }
      };
    }

    private void spend(long bytes) throws IOException {
      if (written.addAndGet(bytes) > 4 * 1024) throw new IOException(DISK_FULL);
    }
  }

  private IndexOptions options() {
    return IndexOptions.defaults(tmp.resolve("index")).withAsOf(LocalDate.of(2026, 11, 22));
  }

  private byte[] export() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexExport.write(tmp.resolve("index"), out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void a_full_disk_fails_the_run_and_keeps_the_previous_commit(Fault fault) throws Exception {
    IndexRun.run(List.of(IndexRunTest.CORPUS), options());
    byte[] before = export();

    IndexerException e =
        assertThrows(
            IndexerException.class,
            () ->
                IndexRun.run(
                    List.of(IndexRunTest.SNAPSHOT5, IndexRunTest.OVERLAP),
                    options(),
                    dir -> new FailingDirectory(dir, fault)));
    assertEquals(4, e.exitCode());
    assertEquals(
        "cannot write the index "
            + tmp.resolve("index")
            + ": "
            + DISK_FULL
            + " (the index keeps its previous commit)",
        e.getMessage());

    // The previous commit, whole: same documents, byte for byte, and a clean index.
    assertArrayEquals(before, export());
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(90, reader.numDocs());
    }
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("index"));
        CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(null);
      assertTrue(check.checkIndex().clean);
    }

    // Space again: the same input goes in.
    IndexSummary again =
        IndexRun.run(List.of(IndexRunTest.SNAPSHOT5, IndexRunTest.OVERLAP), options());
    assertEquals(95, again.documents());
  }
}
