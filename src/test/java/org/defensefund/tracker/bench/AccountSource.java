package org.defensefund.tracker.bench;

import java.util.List;
import java.util.stream.IntStream;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.seed.BenchAccounts;

/**
 * Where the virtual users' accounts come from. Each virtual user needs an account of its own: a TOTP code
 * is good once per 30-second step per account, so users sharing an account would wait for each other.
 */
public interface AccountSource {

    /** Up to {@code wanted} distinct accounts of the role; fewer if the source has fewer. */
    List<BenchAccount> accounts(Role role, int wanted);

    /** A short name for the report. */
    String describe();

    /** The demo accounts of {@code mvn -Prun} (see README): one per role, so one virtual user per role. */
    static AccountSource demo() {
        return new AccountSource() {
            @Override
            public List<BenchAccount> accounts(Role role, int wanted) {
                BenchAccount account = switch (role) {
                    case ADMIN -> new BenchAccount(role, "admin@demo.test", "demo-admin-password", "DEMOADMINTWOFACTORSECRETKEY23456");
                    case PARTNER -> new BenchAccount(role, "partner@demo.test", "demo-partner-password", "DEMOPARTNERTWOFACTORSECRETKEY234");
                    case FUNDER -> new BenchAccount(role, "funder@demo.test", "demo-funder-password", null);
                };
                return wanted < 1 ? List.of() : List.of(account);
            }

            @Override
            public String describe() {
                return "demo accounts (one per role)";
            }
        };
    }

    /**
     * The seeder's bench accounts ({@code bench-admin-NN@seed.test} and so on, NN from 01, see
     * {@link BenchAccounts}): as many users per role as the seeder opened accounts.
     */
    static AccountSource seeded() {
        return new AccountSource() {
            @Override
            public List<BenchAccount> accounts(Role role, int wanted) {
                return IntStream.rangeClosed(1, Math.min(wanted, BenchAccounts.COUNT))
                        .mapToObj(n -> new BenchAccount(role, BenchAccounts.email(role, n),
                                BenchAccounts.PASSWORD,
                                BenchAccounts.totpSecret(role, n)))
                        .toList();
            }

            @Override
            public String describe() {
                return "the seeder's bench accounts (bench-<role>-NN@seed.test)";
            }
        };
    }

    /** A fixed list, for a test that made its own accounts. */
    static AccountSource of(String description, List<BenchAccount> all) {
        return new AccountSource() {
            @Override
            public List<BenchAccount> accounts(Role role, int wanted) {
                return all.stream().filter(a -> a.role() == role).limit(wanted).toList();
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
