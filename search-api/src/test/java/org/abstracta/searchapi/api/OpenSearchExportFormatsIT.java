package org.abstracta.searchapi.api;

import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.searchapi.opensearch.OpenSearchCluster;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every export format check ({@link ExportFormatsTest}) answered by the real app over the
 * OpenSearch backend: the same seed corpus and arXiv records in the build's 2-node cluster (2
 * shards, 1 replica). The formats are written from the {@code SearchService}'s results, so both
 * backends must give the same bytes.
 */
class OpenSearchExportFormatsIT extends ExportFormatsTest {
  @BeforeAll
  static void start() throws Exception {
    OpenSearchTarget target = OpenSearchCluster.target("exports");
    OpenSearchCluster.index(target, SeedIndex.corpus(), SeedIndex.arxivSample());
    server = ApiServer.owning(OpenSearchSearchService.open(target));
  }
}
