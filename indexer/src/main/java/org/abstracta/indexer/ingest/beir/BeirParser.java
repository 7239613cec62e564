package org.abstracta.indexer.ingest.beir;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.file.Path;
import org.abstracta.indexer.ingest.BadRecordException;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.JsonLines;
import org.abstracta.indexer.ingest.LineParser;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.text.LatexText;
import org.abstracta.indexer.text.Links;

/**
 * Reads a BEIR corpus ({@code corpus.jsonl}: {@code _id}, {@code title}, {@code text}, optional
 * {@code metadata}). A BEIR id is only meaningful inside its collection, so the paper id is {@code
 * <collection>:<_id>} (the collection is the corpus file's directory), unless the id is itself an
 * arXiv id or DOI. Evaluation maps ids back with {@link #paperId}.
 */
public final class BeirParser implements LineParser {
  public static final String FORMAT = "beir";
  private static final ObjectReader READER = JsonLines.readerFor(BeirRecord.class);

  record BeirRecord(@JsonProperty("_id") String id, String title, String text, JsonNode metadata) {}

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(String head, String fileName) {
    return JsonLines.objectWithKeys(JsonLines.firstLine(head), "_id", "text");
  }

  @Override
  public Paper parseLine(String line, InputFile input, ParseContext context)
      throws BadRecordException {
    if (line.isBlank()) return null;
    BeirRecord r = JsonLines.read(READER, line);
    if (r.id() == null || r.id().isBlank()) throw new BadRecordException("no '_id'");
    String title = LatexText.normalize(r.title());
    String text = LatexText.normalize(r.text());
    if ((title == null || title.isEmpty()) && (text == null || text.isEmpty())) {
      throw new BadRecordException("neither 'title' nor 'text'");
    }
    String doi = r.metadata() != null ? PaperId.doi(r.metadata().path("doi").asText(null)) : null;
    return Paper.builder()
        .id(paperId(collection(input.path()), r.id()))
        .title(
            title == null || title.isEmpty()
                ? text.substring(0, Math.min(80, text.length()))
                : title)
        .abstractText(text == null || text.isEmpty() ? null : text)
        .doi(doi)
        .links(Links.find(text))
        .hasCode(Links.mentionsCode(text))
        .source(new Source(input.name(), FORMAT, null))
        .build();
  }

  /**
   * The paper id this reader gives the record {@code beirId} of {@code collection}: the arXiv id or
   * DOI when the BEIR id is one, else {@code <collection>:<beirId>}.
   */
  public static String paperId(String collection, String beirId) {
    String known = PaperId.arxiv(beirId) != null ? PaperId.arxiv(beirId) : PaperId.doi(beirId);
    return known != null ? known : collection + ":" + beirId.strip();
  }

  /** The collection name of a corpus file: the directory holding it. */
  public static String collection(Path corpusFile) {
    Path parent = corpusFile.toAbsolutePath().normalize().getParent();
    String name =
        parent == null || parent.getFileName() == null ? "beir" : parent.getFileName().toString();
    return name.replaceAll("[^A-Za-z0-9._-]+", "-");
  }
}
