package org.defensefund.tracker.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.testsupport.client.SecondFactor;
import org.defensefund.tracker.testsupport.client.TestDatabase;

/**
 * The smoke run's own data in the integration-test database, written the way the other HTTP tests write theirs
 * ({@link TestDatabase}): a partner and a funder of their own, a grant with a sub-award, one account per role
 * (administrator and partner staff with the test authenticator's secret), and a few urgent cases assigned to the
 * partner and charged to the sub-award, so the lists show them first and a hearing and a cost can be recorded.
 * One client is called Garcia, the name the journeys search for.
 */
public final class SmokeFixture implements BenchFixture {

    private static final int CASES = 3;

    @Override
    public AccountSource prepare() {
        long partner = TestDatabase.partner(TestDatabase.unique("Bench Legal"));
        long funder = TestDatabase.funder(TestDatabase.unique("Bench Foundation"));
        long grant = TestDatabase.grantWithSubAward(TestDatabase.unique("Bench Grant"), funder, partner, "50000.00", "50000.00");
        for (int i = 0; i < CASES; i++) {
            long legalCase = TestDatabase.chargedCase(partner, grant, "MX");
            String number = "2099-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
            TestDatabase.update("update legal_case set priority = 'URGENT', case_number = ? where id = ?", number, legalCase);
            if (i == 0) {
                TestDatabase.update("update client set last_name = 'Garcia' where id = (select client_id from legal_case where id = ?)", legalCase);
            }
        }
        List<BenchAccount> accounts = List.of(
                new BenchAccount(Role.ADMIN, TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD, SecondFactor.TEST_SECRET),
                new BenchAccount(Role.PARTNER, TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD, SecondFactor.TEST_SECRET),
                new BenchAccount(Role.FUNDER, TestDatabase.user("FUNDER", null, funder), TestDatabase.PASSWORD, null));
        return AccountSource.of("smoke fixture (one new account per role)", accounts);
    }
}
