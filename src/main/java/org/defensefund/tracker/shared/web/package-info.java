/** Faces pieces every page uses: messages from the bundle, lazy lists backed by services, error pages, required fields and the error summary. */
package org.defensefund.tracker.shared.web;
