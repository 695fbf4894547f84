/** The calendar feeds' web side: the feed itself (no session, the address's token is the credential) and its section of "My account". */
package org.defensefund.tracker.calendar.web;
