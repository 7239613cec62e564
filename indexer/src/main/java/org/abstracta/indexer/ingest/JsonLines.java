package org.abstracta.indexer.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Shared pieces of the JSON-lines readers: lenient binding and readable error messages. */
public final class JsonLines {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonLines() {}

  public static ObjectReader readerFor(Class<?> type) {
    return MAPPER.readerFor(type);
  }

  /**
   * Binds one JSON line with {@code reader}.
   *
   * @throws BadRecordException with a readable reason when the line is not valid JSON of that
   *     shape, or is not an object
   */
  public static <T> T read(ObjectReader reader, String line) throws BadRecordException {
    T value;
    try {
      value = reader.readValue(line);
    } catch (JsonProcessingException e) {
      throw new BadRecordException(reason(e));
    }
    if (value == null) throw new BadRecordException("not a JSON object");
    return value;
  }

  /** The first non-blank line of {@code head}, stripped; empty if there is none. */
  public static String firstLine(String head) {
    for (String line : head.split("\n", 50)) {
      if (!line.isBlank()) return line.strip();
    }
    return "";
  }

  /** Whether {@code line} looks like a JSON object that has all of the given keys. */
  public static boolean objectWithKeys(String line, String... keys) {
    if (!line.startsWith("{")) return false;
    for (String k : keys) {
      if (!line.contains("\"" + k + "\"")) return false;
    }
    return true;
  }

  /**
   * A one-line reason for a JSON error, without Jackson's source excerpt. A value of the wrong type
   * is named by its innermost field ({@code versions}, not {@code versions[0]}); the limits of
   * {@link com.fasterxml.jackson.core.StreamReadConstraints} (nesting deeper than 1,000 levels, a
   * string longer than 20 million characters, a number longer than 1,000 digits) read as Jackson
   * words them, without the name of the setting.
   */
  public static String reason(JsonProcessingException e) {
    if (e instanceof MismatchedInputException m) {
      String field = null;
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) field = r.getFieldName();
      }
      return field == null ? "not a JSON object" : "field '" + field + "' has the wrong type";
    }
    String msg = e.getOriginalMessage();
    if (msg == null) msg = e.getClass().getSimpleName();
    if (msg.startsWith("Unexpected end-of-input")) return "truncated JSON (the line ends early)";
    int nl = msg.indexOf('\n');
    if (nl > 0) msg = msg.substring(0, nl);
    msg = msg.replaceAll(", from `[^`]*`", ""); // a StreamReadConstraints limit's setting name
    return "invalid JSON: " + msg;
  }
}
