# Sourced by ./abstracta and src/bench/lib.sh: sets ABSTRACTA_JVM_FLAGS, the JVM flags every
# Abstracta process runs with (the heap, -Xmx, is set apart: ABSTRACTA_JAVA_OPTS or --heap).
#  - jdk.incubator.vector lets Lucene use SIMD for postings and doc values (the JVM prints one
#    warning for it, which ./abstracta filters out);
#  - native access lets Lucene map index files with the foreign-memory API without a warning;
#  - transparent huge pages for the heap where the kernel gives them only to programs that ask
#    (its setting is "madvise"): indexing looks every word up at random places in large in-memory
#    term tables, and 2 MB pages spare most of the address-translation misses (docs/performance.md:
#    about 5% faster on 2 cores). Where the setting is "always" the heap gets them anyway, and
#    where it is "never" the flag would only print a warning.
ABSTRACTA_JVM_FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  ABSTRACTA_JVM_FLAGS+=(-XX:+UseTransparentHugePages)
fi
