package org.defensefund.tracker.seed;

/** Seeding (or a production start on a seeded database) refused, with the reason for the person who ran it. */
public class SeedRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SeedRefusedException(String message) {
        super(message);
    }
}
