/** Funders and, with the grants feature, their grants and sub-awards. */
package org.defensefund.tracker.funding;
