package org.abstracta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.abstracta.indexer.model.PaperId;
import org.junit.jupiter.api.Test;

class CorpusMultiplierTest {
  static final String SOURCE =
      """
      {"id": "2503.00001", "title": "A", "abstract": "First one.  Second one.\\nThird one."}
      {"id": "2503.00002", "title": "B", "abstract": "Only sentence."}
      """;

  @Test
  void real_records_come_first_then_copies_with_new_ids_and_the_same_sentences() throws Exception {
    StringWriter out = new StringWriter();
    long real =
        new CorpusMultiplier(6).write(() -> new BufferedReader(new StringReader(SOURCE)), 7, out);
    List<String> lines = out.toString().lines().toList();
    assertEquals(2, real);
    assertEquals(7, lines.size());
    assertEquals(SOURCE.lines().toList(), lines.subList(0, 2));
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      JsonNode r = json.readTree(line);
      String id = r.get("id").asText();
      assertEquals(id, PaperId.arxiv(id), "a valid arXiv id: " + id);
      assertTrue(ids.add(id), "distinct: " + id);
    }
    JsonNode copy = json.readTree(lines.get(2));
    assertEquals("9000.00000", copy.get("id").asText());
    assertEquals("A (synthetic copy 1)", copy.get("title").asText());
    Set<String> sentences = Set.of(copy.get("abstract").asText().split("(?<=\\.) "));
    assertEquals(Set.of("First one.", "Second one.", "Third one."), sentences);
  }

  @Test
  void the_same_seed_gives_the_same_corpus_and_another_seed_another_order() throws Exception {
    String text = "One a. Two b. Three c. Four d. Five e. Six f. Seven g. Eight h.";
    assertEquals(
        new CorpusMultiplier(1).shuffleSentences(text),
        new CorpusMultiplier(1).shuffleSentences(text));
    assertNotEquals(
        new CorpusMultiplier(1).shuffleSentences(text),
        new CorpusMultiplier(2).shuffleSentences(text));
  }

  @Test
  void synthetic_ids_count_up_within_the_9xxx_range() {
    assertEquals("9000.00000", CorpusMultiplier.syntheticId(0));
    assertEquals("9001.00000", CorpusMultiplier.syntheticId(100_000));
    assertEquals("9019.99999", CorpusMultiplier.syntheticId(1_999_999));
  }
}
