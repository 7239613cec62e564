package org.abstracta.searchapi.opensearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.index.IndexExport;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexSummary;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.indexer.index.PaperLookup;
import org.abstracta.indexer.index.PaperStore;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchExport;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.opensearch.OpenSearchStore;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.searchapi.search.SeedIndex;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code abstracta index --opensearch} against the build's real 2-node cluster: the same documents
 * as the embedded index (compared through both exports, byte for byte), merges across runs,
 * re-indexing that changes nothing, one run at a time, and a failed run that leaves the previous
 * index searchable.
 */
class OpenSearchIndexingIT {
  private static final Path OVERLAP =
      Path.of("..", "indexer", "src", "test", "resources", "arxiv", "overlap.jsonl");
  private static final Path SNAPSHOT5 =
      Path.of("..", "indexer", "src", "test", "resources", "arxiv", "snapshot5.jsonl");

  @TempDir Path tmp;

  @Test
  void the_sample_corpus_in_the_cluster_is_the_embedded_index_document_for_document()
      throws Exception {
    OpenSearchTarget target = OpenSearchCluster.target("sample");
    IndexSummary s = OpenSearchCluster.index(target, SeedIndex.corpus());
    assertEquals(SeedIndex.SEED_DOCUMENTS, s.documents());
    assertEquals(SeedIndex.SEED_DOCUMENTS, s.created());
    assertArrayEquals(embeddedExport(SeedIndex.corpus()), export(target));
    try (OpenSearchClient c = OpenSearchCluster.client(target)) {
      JsonNode health =
          c.get(
              "/_cluster/health/" + target.index(),
              Map.of("wait_for_status", "green", "timeout", "30s"));
      assertEquals("green", health.path("status").asText());
      assertEquals(OpenSearchCluster.SHARDS, health.path("active_primary_shards").asInt());
      assertEquals(
          OpenSearchCluster.SHARDS * (1 + OpenSearchCluster.REPLICAS),
          health.path("active_shards").asInt());
    }
  }

  @Test
  void reindexing_the_same_input_changes_nothing() throws Exception {
    OpenSearchTarget target = OpenSearchCluster.target("again");
    OpenSearchCluster.index(target, SeedIndex.corpus());
    byte[] first = export(target);
    String index = concrete(target);
    IndexSummary again = OpenSearchCluster.index(target, SeedIndex.corpus());
    assertEquals(0, again.created());
    assertEquals(0, again.updated());
    assertEquals(SeedIndex.SEED_DOCUMENTS, again.unchanged());
    assertEquals(SeedIndex.SEED_DOCUMENTS, again.documents());
    assertArrayEquals(first, export(target));
    assertEquals(index, concrete(target), "a run that changes nothing keeps the index it had");
  }

  @Test
  void records_merge_across_runs_as_in_the_embedded_index() throws Exception {
    OpenSearchTarget target = OpenSearchCluster.target("merge");
    OpenSearchCluster.index(target, SeedIndex.corpus());
    String before = concrete(target);
    IndexSummary s = OpenSearchCluster.index(target, OVERLAP, SNAPSHOT5);
    assertEquals(1, s.updated());
    Path embedded = tmp.resolve("embedded");
    SeedIndex.index(embedded, SeedIndex.corpus());
    SeedIndex.index(embedded, OVERLAP, SNAPSHOT5);
    assertArrayEquals(exportOf(embedded), export(target));
    assertNotEquals(before, concrete(target), "a run that writes moves the alias to a new index");
    try (OpenSearchClient c = OpenSearchCluster.client(target)) {
      assertTrue(!c.exists("/" + before), "the previous index is deleted once the alias moved");
    }
  }

  @Test
  void a_run_that_fails_leaves_the_previous_documents_searchable() throws Exception {
    OpenSearchTarget target = OpenSearchCluster.target("fail");
    OpenSearchCluster.index(target, SeedIndex.corpus());
    String before = concrete(target);
    PaperStore failing =
        new FailingAtCommit(new OpenSearchStore(OpenSearchCluster.client(target), 2, 1));
    IndexerException e =
        assertThrows(
            IndexerException.class,
            () ->
                IndexRun.run(
                    List.of(OVERLAP, SNAPSHOT5),
                    IndexOptions.defaults(tmp).withAsOf(SeedIndex.AS_OF),
                    failing));
    assertEquals(4, e.exitCode());
    assertTrue(
        e.getMessage().contains("the alias keeps serving the previous index"), e.getMessage());
    assertEquals(before, concrete(target));
    try (OpenSearchClient c = OpenSearchCluster.client(target)) {
      assertEquals(
          SeedIndex.SEED_DOCUMENTS,
          c.get("/" + target.index() + "/_count", Map.of()).path("count").asInt());
      JsonNode all = c.get("/_cat/indices/" + target.index() + "-*", Map.of("format", "json"));
      List<String> names = new ArrayList<>();
      all.forEach(i -> names.add(i.path("index").asText()));
      assertEquals(List.of(before), names, "the failed run's index is deleted, the lock released");
    }
  }

  @Test
  void a_second_run_is_refused_while_one_writes() throws Exception {
    OpenSearchTarget target = OpenSearchCluster.target("locked");
    try (OpenSearchStore first = new OpenSearchStore(OpenSearchCluster.client(target), 2, 1)) {
      first.open(false);
      IndexerException e =
          assertThrows(
              IndexerException.class, () -> OpenSearchCluster.index(target, SeedIndex.corpus()));
      assertEquals(3, e.exitCode());
      assertTrue(e.getMessage().contains("being written by another indexing run"), e.getMessage());
    }
    assertEquals(
        SeedIndex.SEED_DOCUMENTS, OpenSearchCluster.index(target, SeedIndex.corpus()).documents());
  }

  /** Every title and abstract of the corpus: OpenSearch's terms are the embedded index's. */
  @Test
  void the_cluster_analyzes_titles_and_abstracts_into_the_embedded_index_terms() throws Exception {
    OpenSearchTarget target = OpenSearchCluster.seed();
    Analyzer embedded = Analyzers.text();
    try (OpenSearchClient c = OpenSearchCluster.client(target)) {
      for (String line : Files.readAllLines(tmpExport(target))) {
        Paper p = org.abstracta.indexer.model.PaperJson.fromJson(line);
        for (String text : new String[] {p.title(), p.abstractText()}) {
          if (text == null) continue;
          var body = c.object();
          body.put("field", OpenSearchSchema.TITLE).put("text", text);
          body.put("analyzer", "abstracta_text");
          List<String> theirs = new ArrayList<>();
          int pos = -1;
          for (JsonNode t :
              c.send("POST", "/" + target.index() + "/_analyze", Map.of(), body).path("tokens")) {
            theirs.add(t.path("position").asInt() + ":" + t.path("token").asText());
          }
          List<String> ours = new ArrayList<>();
          try (TokenStream ts = embedded.tokenStream("title", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
              pos += inc.getPositionIncrement();
              ours.add(pos + ":" + term);
            }
            ts.end();
          }
          assertEquals(ours, theirs, text);
        }
      }
    }
  }

  private Path tmpExport(OpenSearchTarget target) throws IOException {
    Path f = tmp.resolve("export.jsonl");
    Files.write(f, export(target));
    return f;
  }

  private static String concrete(OpenSearchTarget target) throws IOException {
    try (OpenSearchClient c = OpenSearchCluster.client(target)) {
      return c.get("/_alias/" + target.index(), Map.of()).fieldNames().next();
    }
  }

  private static byte[] export(OpenSearchTarget target) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OpenSearchClient c = OpenSearchCluster.client(target)) {
      OpenSearchExport.write(c, out);
    }
    return out.toByteArray();
  }

  private byte[] embeddedExport(Path... inputs) throws Exception {
    Path dir = tmp.resolve("embedded-" + inputs.length);
    SeedIndex.index(dir, inputs);
    return exportOf(dir);
  }

  private static byte[] exportOf(Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexExport.write(dir, out);
    return out.toByteArray();
  }

  /** A store whose commit fails after the documents are written: a cluster lost at the end. */
  private record FailingAtCommit(PaperStore store) implements PaperStore {
    @Override
    public String describe() {
      return store.describe();
    }

    @Override
    public String keeps() {
      return store.keeps();
    }

    @Override
    public PaperLookup open(boolean rebuild) throws IOException, IndexerException {
      return store.open(rebuild);
    }

    @Override
    public Object prepare(Paper paper, Map<String, float[]> vectors) throws IOException {
      return store.prepare(paper, vectors);
    }

    @Override
    public void write(String id, Object prepared, boolean added) throws IOException {
      store.write(id, prepared, added);
    }

    @Override
    public void delete(String id) throws IOException {
      store.delete(id);
    }

    @Override
    public PaperLookup current() throws IOException {
      return store.current();
    }

    @Override
    public int commit() throws IOException {
      store.current(); // every document written and refreshed in the new index
      throw new IOException("the cluster went away");
    }

    @Override
    public void rollback() {
      store.rollback();
    }

    @Override
    public void close() throws IOException {
      store.close();
    }
  }
}
