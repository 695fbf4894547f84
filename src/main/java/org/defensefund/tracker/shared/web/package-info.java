/** Faces pieces every page uses: messages from the bundle, lazy lists backed by services, error pages. */
package org.defensefund.tracker.shared.web;
