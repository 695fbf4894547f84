/** The administrators' retention page ({@code /admin/retention.xhtml}). */
package org.defensefund.tracker.retention.web;
