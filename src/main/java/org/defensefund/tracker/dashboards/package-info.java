/**
 * Dashboards: de-identified results of the fund's cases and money for a period and a scope (the whole
 * fund, a funder, a grant or a partner), every figure added up by MariaDB, small counts suppressed for
 * funders. Funders see only what their own grants fund.
 */
package org.defensefund.tracker.dashboards;
