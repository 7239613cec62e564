package org.abstracta.indexer.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java tokenizer gives the reference tokenizer's ids. The fixture's ids were made by the
 * Hugging Face tokenizers library (through DJL 0.30.0) from the same {@code tokenizer.json}; it
 * covers accents, Greek and math, CJK and other scripts, emoji (one newer than the reference's
 * Unicode tables), control and zero-width characters, special tokens spelled in the text, and words
 * too long for the vocabulary. (The same comparison over the 5,183 SciFact abstracts, its 809
 * claims and the 112,788 arXiv papers of ../shared/data found no difference: docs/relevance.md.)
 */
class WordPieceTokenizerTest {
  private static WordPieceTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        WordPieceTokenizer.class.getResourceAsStream(EmbeddingModel.TOKENIZER_RESOURCE)) {
      tokenizer = WordPieceTokenizer.read(in);
    }
  }

  @Test
  void ids_equal_the_reference_tokenizers_on_every_fixture_text() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("src", "test", "resources", "embed", "wordpiece-reference.jsonl"),
            StandardCharsets.UTF_8);
    assertEquals(30, lines.size());
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode case_ = json.readTree(line);
      String text = case_.get("text").asText();
      int[] expected = new int[case_.get("ids").size()];
      for (int i = 0; i < expected.length; i++) expected[i] = case_.get("ids").get(i).asInt();
      assertArrayEquals(expected, tokenizer.ids(text), text);
    }
  }

  @Test
  void special_tokens_are_found_in_the_raw_text_and_the_rest_is_lowercased() {
    int mask = tokenizer.ids("[MASK]")[0];
    assertEquals(103, mask);
    assertEquals(3, tokenizer.ids("[mask]").length); // three words: "[", "mask", "]"
    assertEquals(101, tokenizer.clsId());
    assertEquals(102, tokenizer.sepId());
    assertEquals(0, tokenizer.padId());
  }

  @Test
  void blank_and_control_only_text_has_no_ids() {
    assertEquals(0, tokenizer.ids("").length);
    assertEquals(0, tokenizer.ids(" \t\n\u00a0\u3000").length);
    assertEquals(0, tokenizer.ids("\u0000\u0001\ufffd\u200b").length);
  }

  @Test
  void a_tokenizer_of_another_kind_is_refused() {
    String bpe =
        "{\"model\":{\"type\":\"BPE\",\"vocab\":{}},\"normalizer\":{\"type\":\"NFC\"},"
            + "\"pre_tokenizer\":{\"type\":\"ByteLevel\"}}";
    assertThrows(
        IOException.class,
        () ->
            WordPieceTokenizer.read(
                new ByteArrayInputStream(bpe.getBytes(StandardCharsets.UTF_8))));
  }
}
