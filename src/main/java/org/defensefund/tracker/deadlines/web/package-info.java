/** The deadlines' pages: the "Deadlines" queue, the case page's deadlines section, the administrators' rule periods. */
package org.defensefund.tracker.deadlines.web;
