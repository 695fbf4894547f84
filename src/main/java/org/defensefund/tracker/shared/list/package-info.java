/** Lists that page, sort and filter in the database: the query a page asks for and the page it gets. */
package org.defensefund.tracker.shared.list;
