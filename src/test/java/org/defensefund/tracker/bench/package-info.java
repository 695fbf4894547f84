/**
 * The benchmark harness: one Gatling simulation ({@link org.defensefund.tracker.bench.TrackerSimulation}) that signs in
 * as each role, walks the pages, load-tests the database-free sign-in page as a floor, replays each page's SQL
 * through plain JDBC as a second floor, reads the server's heap and the size of a session, and writes a Markdown
 * report with PASS/FAIL verdicts under {@code target/bench/}. Run by {@code mvn -Pbench} and, in smoke mode, by
 * {@link org.defensefund.tracker.bench.BenchmarkSmokeIT} in {@code mvn verify}.
 */
package org.defensefund.tracker.bench;
