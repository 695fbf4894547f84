package org.defensefund.tracker.shared;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Makes EclipseLink give up at the first communication failure instead of retrying a query three times five
 * seconds apart: when the database is unreachable the request must fail within seconds (and answer 503);
 * the pool and the driver already bound each wait (README "Health, metrics and outages").
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
