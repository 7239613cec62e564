package org.abstracta.indexer.index;

/** A run that could not be done or finished; the message is one line for the user. */
public final class IndexerException extends Exception {
  private final int exitCode;

  public IndexerException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code the CLI should use. */
  public int exitCode() {
    return exitCode;
  }
}
