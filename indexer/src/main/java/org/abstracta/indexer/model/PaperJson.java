package org.abstracta.indexer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of a {@link Paper}: the {@code jsonl} format, {@code export}'s output and the
 * stored copy in the index. ISO dates; unknown properties ignored so older readers accept newer
 * files.
 */
public final class PaperJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  private static final ObjectWriter WRITER = MAPPER.writerFor(Paper.class);
  private static final ObjectReader READER = MAPPER.readerFor(Paper.class);

  private PaperJson() {}

  /** The mapper configured for papers, for code that writes papers inside other JSON. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(Paper paper) {
    try {
      return WRITER.writeValueAsBytes(paper);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Paper always serializes", e);
    }
  }

  public static String toJson(Paper paper) {
    try {
      return WRITER.writeValueAsString(paper);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Paper always serializes", e);
    }
  }

  /** Reads a paper the index stored (trusted input). */
  public static Paper fromBytes(byte[] bytes, int offset, int length) {
    try {
      return READER.readValue(bytes, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("stored paper is not readable JSON", e);
    }
  }

  /** The reader for papers, for code that binds user input itself. */
  public static ObjectReader reader() {
    return READER;
  }

  /** Reads a paper from user input; the exception's message says what is wrong. */
  public static Paper fromJson(String json) throws IOException {
    return READER.readValue(json);
  }
}
