package org.defensefund.tracker.bench;

/**
 * The accounts and data a smoke run walks over, made before it starts. {@link SmokeFixture} makes the least the
 * journeys need in the integration-test database; a fixture from the seeder's small run can take its place.
 */
public interface BenchFixture {

    /** Makes (or finds) the data and returns the accounts the virtual users sign in with. */
    AccountSource prepare();
}
