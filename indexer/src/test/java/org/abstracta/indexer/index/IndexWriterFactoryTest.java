package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IndexWriterFactory}: the writer's RAM buffer for a heap. */
class IndexWriterFactoryTest {
  private static final long MB = 1024 * 1024;

  @Test
  void the_buffer_is_a_quarter_of_the_heap() {
    assertEquals(256, IndexWriterFactory.ramBufferMb(1024 * MB));
    assertEquals(50, IndexWriterFactory.ramBufferMb(200 * MB));
    assertEquals(500, IndexWriterFactory.ramBufferMb(2000 * MB));
  }

  @Test
  void but_at_least_32_mb_and_at_most_512_mb() {
    assertEquals(32, IndexWriterFactory.ramBufferMb(64 * MB));
    assertEquals(32, IndexWriterFactory.ramBufferMb(128 * MB));
    assertEquals(512, IndexWriterFactory.ramBufferMb(2048 * MB));
    assertEquals(512, IndexWriterFactory.ramBufferMb(16 * 1024 * MB));
  }

  @Test
  void the_writer_uses_the_buffer_for_this_jvms_heap(@TempDir Path dir) throws Exception {
    try (Directory d = IndexWriterFactory.open(dir);
        IndexWriter w = IndexWriterFactory.writer(d, true)) {
      assertEquals(
          IndexWriterFactory.ramBufferMb(Runtime.getRuntime().maxMemory()),
          w.getConfig().getRAMBufferSizeMB());
    }
  }
}
