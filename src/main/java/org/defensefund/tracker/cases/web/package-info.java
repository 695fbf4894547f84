/** The case pages: intake, work queues and search, the case file with its steps, and the offer screen. */
package org.defensefund.tracker.cases.web;
