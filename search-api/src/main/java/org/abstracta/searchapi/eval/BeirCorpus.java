package org.abstracta.searchapi.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.LineReader;
import org.abstracta.indexer.ingest.beir.BeirParser;

/**
 * The documents of a BEIR corpus file as they are written ({@code _id}, {@code title}, {@code
 * text}), for the baseline index and for mapping Abstracta's paper ids back to BEIR ids. Lines
 * without an {@code _id} or that are not JSON are left out (the indexer reports them).
 */
final class BeirCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  /** One corpus document as written. */
  record Doc(String id, String title, String text) {}

  private BeirCorpus() {}

  static List<Doc> read(Path corpus) throws IOException {
    List<Doc> docs = new ArrayList<>();
    try (LineReader lines = new LineReader(new InputFile(corpus).open(), MAX_LINE_BYTES)) {
      String line;
      while ((line = lines.next()) != null) {
        if (line.isBlank() || line == LineReader.TOO_LONG) continue;
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          continue;
        }
        String id = node.path("_id").asText("").strip();
        if (id.isEmpty()) continue;
        docs.add(new Doc(id, node.path("title").asText(""), node.path("text").asText("")));
      }
    }
    return docs;
  }

  /** Abstracta's paper id of each document (as {@link BeirParser} assigns it) to its BEIR id. */
  static Map<String, String> beirIdsByPaperId(Path corpus, List<Doc> docs) {
    String collection = BeirParser.collection(corpus);
    Map<String, String> out = new HashMap<>(docs.size() * 2);
    for (Doc d : docs) out.put(BeirParser.paperId(collection, d.id()), d.id());
    return out;
  }
}
