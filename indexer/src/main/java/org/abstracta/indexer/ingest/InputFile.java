package org.abstracta.indexer.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One file to read. {@link #open()} gives its bytes, gunzipped when the name ends in {@code .gz}.
 *
 * @param path where it is, for messages ({@code file:line})
 */
public record InputFile(Path path) {

  /** The file's name without directories: what {@code sources} records. */
  public String name() {
    return path.getFileName().toString();
  }

  /** The file name as messages print it. */
  public String display() {
    return path.toString();
  }

  public boolean gzipped() {
    return name().endsWith(".gz");
  }

  public InputStream open() throws IOException {
    return decompress(Files.newInputStream(path));
  }

  /** Wraps this file's raw bytes so they read as its content (gunzipped for {@code .gz}). */
  public InputStream decompress(InputStream raw) throws IOException {
    if (!gzipped()) return new BufferedInputStream(raw, 1 << 16);
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      raw.close();
      String why = e instanceof EOFException ? "too short for a gzip header" : e.getMessage();
      throw new IOException("not a valid gzip file (" + why + ")", e);
    }
  }
}
