package org.abstracta.indexer.ingest;

/**
 * A record that cannot be read; the message is the reason a user sees next to {@code file:line}.
 */
public final class BadRecordException extends Exception {
  public BadRecordException(String reason) {
    super(reason, null, false, false);
  }
}
