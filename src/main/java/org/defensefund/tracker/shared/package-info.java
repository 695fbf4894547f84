/** What every feature shares: business exceptions, settings, schema migration, the languages of the pages. */
package org.defensefund.tracker.shared;
