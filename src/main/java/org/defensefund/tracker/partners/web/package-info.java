/** The administrator's partner organization pages: the list and the create/edit form. */
package org.defensefund.tracker.partners.web;
