package org.abstracta.indexer.index;

/** A record or file that was not indexed: where ({@code file:line}) and why. */
public record Skip(String file, int line, String reason) implements Comparable<Skip> {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }

  @Override
  public int compareTo(Skip o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }
}
