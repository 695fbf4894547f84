/** The administrators' page of the outbox ({@code /admin/outbox.xhtml}). */
package org.defensefund.tracker.outbox.web;
