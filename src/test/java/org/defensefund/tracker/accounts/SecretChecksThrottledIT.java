package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The steps that check a secret besides the sign-in form, beyond the two on My account that
 * {@code SecurityHardeningWebIT} covers over HTTP: a funder turning two-factor sign-in off (their current
 * code) and the e-mailed two-factor set-up link (the account's password). Each allows three wrong tries,
 * then makes the next wait ("login.throttled") — even a right secret, until the wait is over — and the
 * refused tries change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class SecretChecksThrottledIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private TwoFactorService twoFactor;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void wrongCodesWhenTurningTwoFactorSignInOffAreThrottledAndItStaysOn() throws SQLException {
        Funder funder = given.funder(InContainer.unique("Throttle Foundation"));
        UserAccount user = given.funderUser(funder);
        String secret = TotpCodes.newSecret();
        given.as(user, () -> twoFactor.enableOwn(secret, TotpCodes.codeFor(secret, TotpCodes.stepAt(Instant.now()))));

        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            String wrong = String.format("%06d", attempt);
            answers.add(refusal(() -> given.as(user, () -> twoFactor.disableOwn(wrong))));
        }
        assertEquals(List.of("twoFactor.code.wrong", "twoFactor.code.wrong", "twoFactor.code.wrong"), answers.subList(0, 3),
                "three free tries: " + answers);
        assertEquals(List.of("login.throttled", "login.throttled"), answers.subList(3, 5), "then each try waits: " + answers);
        String right = TotpCodes.codeFor(secret, TotpCodes.stepAt(Instant.now()) + 1);
        assertEquals("login.throttled", refusal(() -> given.as(user, () -> twoFactor.disableOwn(right))),
                "while waiting, even a right code is not checked");
        assertEquals(1, given.count("select count(*) from user_account where id = " + user.getId() + " and totp_secret is not null"),
                "two-factor sign-in stays on");
    }

    @Test
    void wrongPasswordsOnTheTwoFactorSetUpLinkAreThrottledAndTheLinkIsNotUsedUp() throws Exception {
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("Set-up Link Legal")));
        String token = "setup-" + InContainer.unique("link").replaceAll("[^A-Za-z0-9-]", "");
        insertSetUpLink(staff.getId(), token);
        String secret = TotpCodes.newSecret();

        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            char[] wrong = ("not the password " + attempt).toCharArray();
            answers.add(refusal(() -> twoFactor.enableWithLink(token, wrong, secret, "123456")));
        }
        assertEquals(List.of("password.current.wrong", "password.current.wrong", "password.current.wrong"), answers.subList(0, 3),
                "three free tries: " + answers);
        assertEquals(List.of("login.throttled", "login.throttled"), answers.subList(3, 5), "then each try waits: " + answers);
        assertEquals("login.throttled", refusal(() -> twoFactor.enableWithLink(token, InContainer.PASSWORD.toCharArray(), secret,
                TotpCodes.codeFor(secret, TotpCodes.stepAt(Instant.now())))), "while waiting, even the right password is not checked");
        assertEquals(1, given.count("select count(*) from account_token where token_hash = '" + sha256(token) + "' and used_at is null"),
                "the link is not used up by refused tries");
        assertEquals(0, given.count("select count(*) from user_account where id = " + staff.getId() + " and totp_secret is not null"),
                "nothing is set up");
    }

    private static String refusal(Runnable step) {
        return assertThrows(BusinessException.class, step::run).messageKey();
    }

    private void insertSetUpLink(Long accountId, String token) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into account_token (user_id, purpose, token_hash, created_at, expires_at) values (?, 'SET_UP_TWO_FACTOR', ?, ?, ?)")) {
            insert.setLong(1, accountId);
            insert.setString(2, sha256(token));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now.plus(1, ChronoUnit.HOURS)));
            assertEquals(1, insert.executeUpdate());
        }
        assertTrue(given.count("select count(*) from account_token where token_hash = '" + sha256(token) + "'") == 1);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

}
