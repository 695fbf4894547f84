/**
 * The seeder: fills a demo or test database with a believable, synthetic fund (partners, funders, grants,
 * clients with encrypted personal data, cases at every stage with their history, costs and payments) through
 * the real schema, fast enough for a million cases; and the marker that keeps it away from production data.
 */
package org.defensefund.tracker.seed;
