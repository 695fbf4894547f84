/** The administrator's funder pages: the list and the create/edit form. */
package org.defensefund.tracker.funding.web;
