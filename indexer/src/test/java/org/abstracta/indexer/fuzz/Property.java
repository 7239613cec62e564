package org.abstracta.indexer.fuzz;

import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A small property-based testing harness: inputs from a seeded generator, a property that throws
 * when it does not hold, a time limit on every try (a hang is a failure, not a stuck build), and
 * shrinking of a failing input to a small one before it is reported.
 *
 * <p>Runs are deterministic: the seed is derived from the property's name, so CI sees the same
 * inputs every time. {@code -Dfuzz.seed=N} picks other inputs and {@code -Dfuzz.tries=N} runs N
 * tries per property, to explore locally. A failure report names the seed, the try and the shrunk
 * input; a found case is then kept as an example-based regression test.
 *
 * @param <T> the input type
 */
public final class Property<T> {
  /** Makes one input. */
  public interface Gen<T> {
    T next(Random random);
  }

  /** The property: returns normally when it holds for {@code input}. */
  public interface Check<T> {
    void accept(T input) throws Exception;
  }

  private static final long TRY_LIMIT_SECONDS = 10;
  private static final int SHRINK_EVALUATIONS = 400;
  private static final long SHRINK_MILLIS = 30_000;

  /** Hung tries keep their thread; daemon threads let the test JVM exit anyway. */
  private static final ExecutorService RUNNER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "property-try");
            t.setDaemon(true);
            return t;
          });

  private final String name;
  private final int tries;
  private final Gen<T> gen;
  private Function<T, Stream<T>> shrinker = v -> Stream.empty();
  private Function<T, String> show = String::valueOf;

  private Property(String name, int tries, Gen<T> gen) {
    this.name = name;
    this.tries = Integer.getInteger("fuzz.tries", tries);
    this.gen = gen;
  }

  /** A property over {@code tries} inputs from {@code gen}. */
  public static <T> Property<T> forAll(String name, int tries, Gen<T> gen) {
    return new Property<>(name, tries, gen);
  }

  /** How to make a failing input smaller: candidates, most reduced first. */
  public Property<T> shrinkWith(Function<T, Stream<T>> shrinker) {
    this.shrinker = shrinker;
    return this;
  }

  /** How a failing input is printed in the report. */
  public Property<T> showWith(Function<T, String> show) {
    this.show = show;
    return this;
  }

  /** Runs the tries; throws an {@link AssertionError} describing the smallest failing input. */
  public void check(Check<T> property) {
    long seed = Long.getLong("fuzz.seed", 20261123L) * 31 + name.hashCode();
    Random random = new Random(seed);
    for (int i = 0; i < tries; i++) {
      T input = gen.next(random);
      Throwable failure = evaluate(property, input);
      if (failure != null) {
        Shrunk<T> shrunk = shrink(property, input, failure);
        AssertionError error =
            new AssertionError(
                String.format(
                    "property '%s' failed (seed %d, try %d of %d, shrunk in %d steps): %s%n"
                        + "input: %s",
                    name,
                    seed,
                    i + 1,
                    tries,
                    shrunk.steps,
                    describe(shrunk.failure),
                    show.apply(shrunk.input)));
        error.initCause(shrunk.failure);
        throw error;
      }
    }
  }

  private record Shrunk<T>(T input, Throwable failure, int steps) {}

  /** Greedy shrinking: take the first smaller candidate that fails the same way, repeat. */
  private Shrunk<T> shrink(Check<T> property, T input, Throwable failure) {
    long deadline = System.currentTimeMillis() + SHRINK_MILLIS;
    int evaluations = 0;
    int steps = 0;
    int hangs = 0;
    boolean progress = true;
    while (progress && evaluations < SHRINK_EVALUATIONS && System.currentTimeMillis() < deadline) {
      progress = false;
      for (T candidate : (Iterable<T>) shrinker.apply(input)::iterator) {
        if (evaluations++ >= SHRINK_EVALUATIONS || System.currentTimeMillis() > deadline) break;
        Throwable f = evaluate(property, candidate);
        if (f instanceof Hang && ++hangs > 3) break; // every hung candidate keeps a thread busy
        if (f != null && f.getClass() == failure.getClass()) {
          input = candidate;
          failure = f;
          steps++;
          progress = true;
          break;
        }
      }
    }
    return new Shrunk<>(input, failure, steps);
  }

  /** Null when the property holds; the failure otherwise (a {@link Hang} after the limit). */
  private static <T> Throwable evaluate(Check<T> property, T input) {
    Future<?> run =
        RUNNER.submit(
            () -> {
              property.accept(input);
              return null;
            });
    try {
      run.get(TRY_LIMIT_SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      run.cancel(true);
      return new Hang();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  private static String describe(Throwable t) {
    return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** A try that gave no result within the limit. */
  static final class Hang extends RuntimeException {
    Hang() {
      super("no result within " + TRY_LIMIT_SECONDS + " s (a hang)", null, false, false);
    }
  }
}
