/** The administrator's page for the reference lists. */
package org.defensefund.tracker.reference.web;
