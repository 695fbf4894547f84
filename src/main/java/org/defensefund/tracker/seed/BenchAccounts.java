package org.defensefund.tracker.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;
import org.defensefund.tracker.access.Role;

/**
 * The accounts the seeder opens for load tests, so many virtual users can sign in at once (a TOTP code
 * is accepted once per 30-second step per account, so each virtual user needs an account of its own):
 * {@code bench-admin-NN@seed.test}, {@code bench-partner-NN@seed.test} (staff of seeded partners) and
 * {@code bench-funder-NN@seed.test} (users of seeded funders), NN from 01 to {@value #COUNT}, all with the
 * password {@link #PASSWORD} and two-factor sign-in set up with {@link #totpSecret}. The load-test harness
 * imports this class to sign in; nothing here is secret, which is why these accounts exist only in
 * seeded (demo, test) databases.
 */
public final class BenchAccounts {

    /** The password of every bench account. */
    public static final String PASSWORD = "seed-bench-password";

    /** Accounts per role: NN runs from 1 to this. */
    public static final int COUNT = 50;

    /** The mail domain of bench accounts (a reserved test domain). */
    public static final String DOMAIN = "seed.test";

    private static final int SECRET_BYTES = 20;

    private BenchAccounts() {
    }

    /** {@code bench-partner-07@seed.test}. */
    public static String email(Role role, int number) {
        requireNumber(number);
        return String.format(Locale.ROOT, "bench-%s-%02d@%s", role.name().toLowerCase(Locale.ROOT), number, DOMAIN);
    }

    /**
     * The account's TOTP secret: 160 bits derived from its role and number (SHA-256, first 20 bytes), as
     * 32 Base32 characters (A–Z, 2–7, no padding), what authenticator apps and {@code TotpCodes} take.
     */
    public static String totpSecret(Role role, int number) {
        requireNumber(number);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("defensefund bench totp " + role.name() + " " + number).getBytes(StandardCharsets.UTF_8));
            return new Base32().encodeToString(Arrays.copyOf(digest, SECRET_BYTES)).replace("=", "");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void requireNumber(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("bench accounts are numbered 1.." + COUNT);
        }
    }
}
