package org.abstracta.searchapi.search;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;

/** Builds test indexes with the real indexer over the bundled 90-document seed corpus. */
public final class SeedIndex {
  /** The reference date the seed corpus is indexed with (dates without a year resolve to it). */
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  public static final int SEED_DOCUMENTS = 90;

  private SeedIndex() {}

  /** The seed corpus, {@code src/corpus} at the repository root. */
  public static Path corpus() {
    return Path.of("..", "src", "corpus");
  }

  /** The five arXiv snapshot records of the test resources. */
  public static Path arxivSample() throws Exception {
    return Path.of(SeedIndex.class.getResource("/arxiv-sample5.jsonl").toURI());
  }

  public static void index(Path indexDir, Path... inputs) throws Exception {
    IndexRun.run(List.of(inputs), IndexOptions.defaults(indexDir).withAsOf(AS_OF));
  }
}
