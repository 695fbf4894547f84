/** What every feature shares: business exceptions, settings, schema migration. */
package org.defensefund.tracker.shared;
