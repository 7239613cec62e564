package org.abstracta.searchapi.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A BEIR-format test collection in one directory: {@code corpus.jsonl} (or {@code .gz}), {@code
 * queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/*.tsv}. The judgments are {@code
 * qrels/test.tsv} if present, else {@code dev.tsv}, else {@code train.tsv}, unless a file is given.
 *
 * @param queries every query of {@code queries.jsonl}, in file order
 */
public record BeirCollection(
    Path dir, Path corpus, Path qrelsFile, List<Query> queries, Qrels qrels) {

  /** The qrels files looked for in {@code qrels/}, in order of preference. */
  public static final List<String> QRELS_PREFERENCE = List.of("test.tsv", "dev.tsv", "train.tsv");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One query: its id and the text a user would type (or paste). */
  public record Query(String id, String text) {}

  /**
   * Loads the collection in {@code dir}.
   *
   * @param qrelsFile the judgments to use, or null to pick from {@code qrels/}
   * @throws NoSuchFileException naming the first file that is missing
   */
  public static BeirCollection load(Path dir, Path qrelsFile) throws IOException {
    Path corpus = corpusFile(dir);
    Path qrels = qrelsFile != null ? qrelsFile : qrelsFile(dir);
    if (!Files.isRegularFile(qrels)) throw new NoSuchFileException(qrels.toString());
    return new BeirCollection(
        dir, corpus, qrels, readQueries(dir.resolve("queries.jsonl")), Qrels.read(qrels));
  }

  /** The queries that have at least one relevant document: the ones evaluated. */
  public List<Query> judgedQueries() {
    return queries.stream().filter(q -> qrels.relevantCount(q.id()) > 0).toList();
  }

  /** A short name for output: the directory's name. */
  public String name() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  private static Path corpusFile(Path dir) throws NoSuchFileException {
    for (String name : List.of("corpus.jsonl", "corpus.jsonl.gz")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) return p;
    }
    throw new NoSuchFileException(dir.resolve("corpus.jsonl").toString(), null, "(nor .gz)");
  }

  private static Path qrelsFile(Path dir) throws NoSuchFileException {
    for (String name : QRELS_PREFERENCE) {
      Path p = dir.resolve("qrels").resolve(name);
      if (Files.isRegularFile(p)) return p;
    }
    throw new NoSuchFileException(
        dir.resolve("qrels").toString(), null, "has none of " + QRELS_PREFERENCE);
  }

  /** Reads {@code queries.jsonl}; a line without {@code _id} and {@code text} is an error. */
  static List<Query> readQueries(Path file) throws IOException {
    List<Query> out = new ArrayList<>();
    NumberedLines.read(
        file,
        (number, line) -> {
          JsonNode node;
          try {
            node = JSON.readTree(line);
          } catch (IOException e) {
            throw new IOException(file + ":" + number + ": invalid JSON", e);
          }
          JsonNode id = node.get("_id");
          JsonNode text = node.get("text");
          if (id == null || text == null || id.asText().isBlank()) {
            throw new IOException(file + ":" + number + ": a query needs '_id' and 'text'");
          }
          out.add(new Query(id.asText().strip(), text.asText()));
        });
    return out;
  }
}
