package org.abstracta.searchapi.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code abstracta serve}: the HTTP service. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the search page and API.")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("The search server is not built yet.");
    return 0;
  }
}
