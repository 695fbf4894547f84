/** What an operator watches: the readiness and liveness checks and the fund's own meters (README "Health, metrics and outages"). */
package org.defensefund.tracker.operations;
